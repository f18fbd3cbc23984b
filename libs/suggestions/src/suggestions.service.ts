import { AppError, AuthUser } from '@app/common';
import type { HabitEntity } from '@app/database';
import {
  addDays,
  CONSISTENCY_DAYS,
  CONSISTENCY_PAST_WEEKS,
  computeHabitStats,
  evaluateSuggestions,
  findSuggestion,
  HabitStats,
  isoWeekStart,
  SuggestionType,
} from '@app/domain';
import { UnitOfWork } from '@app/unit-of-work';
import {
  HabitDto,
  HabitFreshnessService,
  HabitsRepository,
  HabitsService,
  habitNotFound,
  MAX_HABITS_PER_USER,
  streakUnitOf,
  toHabitHistory,
} from '@app/habits';
import { Injectable } from '@nestjs/common';
import {
  RiskReportDto,
  SuggestionDto,
  SuggestionTypeBodyDto,
  toAtRiskHabitDto,
  toSuggestionDto,
} from './suggestion.dto';
import { SuggestionDismissalsRepository } from './suggestion-dismissals.repository';

/** A dismissed type stays hidden on the day of dismissal and the 29 days after it. */
export const DISMISS_DAYS = 30;

/** The stored statistics (fresh as of the user's today) in the engine's shape. */
function storedStats(habit: HabitEntity): HabitStats {
  return {
    currentStreak: habit.currentStreak,
    longestStreak: habit.longestStreak,
    streakUnit: streakUnitOf(habit),
    totalCompletions: habit.totalCompletions,
    totalSkips: habit.totalSkips,
    consistencyScore: habit.consistencyScore,
    failureRate: habit.failureRate,
    strength: habit.strength,
    consecutiveMisses: habit.consecutiveMisses,
    lastCompletedDate: habit.lastCompletedDate,
    status: habit.status,
    nextDueDate: habit.nextDueDate,
    dueToday: habit.dueToday,
    week:
      habit.weekDone === null || habit.weekQuota === null
        ? null
        : { done: habit.weekDone, quota: habit.weekQuota },
    ...(habit.period ? { period: habit.period } : {}),
  };
}

/**
 * The suggestion rules' look-back: the consistency window (30 days, or 4 ISO weeks before the
 * current one; a measurable habit's up to 3 months before the current one).
 */
function windowStart(today: string, habit: Pick<HabitEntity, 'kind'>): string {
  if (habit.kind === 'measure') {
    const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 3;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  }
  const dayBased = addDays(today, -(CONSISTENCY_DAYS - 1));
  const weekly = addDays(isoWeekStart(today), -7 * CONSISTENCY_PAST_WEEKS);
  return dayBased < weekly ? dayBased : weekly;
}

/** Adaptive suggestions and the risk rules on demand (SPEC.md §3 "Suggestions", "Risk"). */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly habitsService: HabitsService,
    private readonly freshness: HabitFreshnessService,
    private readonly dismissals: SuggestionDismissalsRepository,
  ) {}

  /**
   * The suggestions that hold today, minus dismissed types: the stored statistics (fresh) plus
   * the logs of the consistency window, which is all the rules look at.
   */
  async adaptive(user: AuthUser, habitId: string): Promise<SuggestionDto[]> {
    const today = await this.freshness.ensureFresh(user);
    return this.uow.read(async (manager) => {
      // The habit's row and the logs of the window in one statement of plain rows.
      const [found] = await this.habits.listWithRecords(manager, user.id, {
        habitId,
        limit: 1,
        from: windowStart(today, { kind: 'check' }),
        measureFrom: windowStart(today, { kind: 'measure' }),
        to: today,
        today,
      });
      if (!found) throw habitNotFound();
      const { habit, records } = found;
      const hidden = await this.dismissals.hiddenTypes(manager, habit.id, today);
      const history = toHabitHistory(habit, records);
      return evaluateSuggestions(history, today, storedStats(habit), hidden).map(toSuggestionDto);
    });
  }

  /**
   * Re-evaluates the suggestion on the locked habit with its full history and applies its
   * change as a PATCH in the same transaction (a schedule change takes effect today).
   */
  apply(user: AuthUser, habitId: string, body: SuggestionTypeBodyDto): Promise<HabitDto> {
    const type: SuggestionType = body.type;
    return this.habitsService.updateWith(user, habitId, async (manager, ctx, habit) => {
      const hidden = await this.dismissals.hiddenTypes(manager, habit.id, ctx.today);
      if (hidden.includes(type)) {
        throw AppError.conflict(
          'SUGGESTION_DISMISSED',
          `The ${type} suggestion was dismissed for this habit.`,
        );
      }
      const records = await this.habits.recordsOf(manager, [habit.id], ctx.today);
      const history = toHabitHistory(habit, records.get(habit.id)!);
      const suggestion = findSuggestion(
        history,
        ctx.today,
        computeHabitStats(history, ctx.today),
        type,
      );
      if (!suggestion) {
        throw AppError.conflict(
          'SUGGESTION_STALE',
          `The ${type} suggestion no longer holds for this habit.`,
        );
      }
      if (!suggestion.change) {
        throw AppError.unprocessable(
          'SUGGESTION_NOT_APPLICABLE',
          `The ${type} suggestion is advice only: there is nothing to change.`,
        );
      }
      return suggestion.change;
    });
  }

  /** Hides the type for this habit for 30 days (dismissing again restarts them). */
  async dismiss(user: AuthUser, habitId: string, body: SuggestionTypeBodyDto): Promise<void> {
    await this.uow.run(user, async (manager, ctx) => {
      const owned = await this.dismissals.dismiss(
        manager,
        user.id,
        habitId,
        body.type,
        addDays(ctx.today, DISMISS_DAYS - 1),
        ctx.now,
      );
      if (!owned) throw habitNotFound();
    });
  }

  /**
   * Runs the risk rules for the caller now: recomputes every habit and goal as of their today
   * in one transaction (recording `habit_at_risk` for new transitions), then lists the habits at
   * risk, most consecutive misses first.
   */
  async detectRisks(user: AuthUser): Promise<RiskReportDto> {
    await this.freshness.recomputeUser(user);
    const today = this.uow.todayOf(user);
    const atRisk = await this.uow.read((manager) =>
      this.habits.list(manager, user.id, 'at_risk', MAX_HABITS_PER_USER),
    );
    const byUrgency = [...atRisk].sort(
      (a, b) => b.consecutiveMisses - a.consecutiveMisses || a.name.localeCompare(b.name),
    );
    return { asOf: today, atRisk: byUrgency.map(toAtRiskHabitDto) };
  }
}

import { AppError, AuthUser, Upserted } from '@app/common';
import { addDays, diffDays } from '@app/domain';
import { UnitOfWork } from '@app/unit-of-work';
import { GoalProgressService } from '@app/goal-progress';
import {
  habitNotFound,
  HabitFreshnessService,
  HabitsRepository,
  HabitStatsService,
  withoutLogOn,
  withWrittenLog,
} from '@app/habits';
import { Injectable } from '@nestjs/common';
import {
  HabitAfterLogDeleteDto,
  HabitLogDto,
  ListHabitLogsQueryDto,
  LoggedHabitDto,
  LogHabitDto,
  toHabitLogDto,
} from './habit-log.dto';
import { HabitLogsRepository } from './habit-logs.repository';

export const DEFAULT_LOG_RANGE_DAYS = 90;
export const MAX_RANGE_DAYS = 371;

const logNotFound = () => AppError.notFound('LOG_NOT_FOUND', 'Log not found.');

/** Logging, listing and undoing (SPEC.md §3 "Logs"); writes recompute the habit and its goals in the same transaction. */
@Injectable()
export class HabitLogsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly logs: HabitLogsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly freshness: HabitFreshnessService,
  ) {}

  /**
   * Creates or replaces the log of (habit, day); `created` tells which. Five round trips in
   * all: the guard's lookup, START TRANSACTION with the user's lock, the habit locked with its
   * records and goals and the upsert (one statement), the statistics, goals and outbox (one
   * statement), COMMIT.
   */
  log(user: AuthUser, dto: LogHabitDto): Promise<Upserted<LoggedHabitDto>> {
    return this.uow.run(user, async (manager, ctx) => {
      const logDate = dto.logDate ?? ctx.today;
      // Without `notes` in the body a new status keeps the day's notes (a one-tap toggle);
      // `notes: null` clears them.
      const locked = await this.logs.lockHabitAndUpsert(
        manager,
        user.id,
        { habitId: dto.habitId, logDate, status: dto.status, notes: dto.notes },
        ctx.today,
        ctx.now,
      );
      const { habit, records } = locked;
      if (!habit || !records) throw habitNotFound();
      if (logDate > ctx.today) {
        throw AppError.unprocessable(
          'LOG_DATE_IN_FUTURE',
          `You can log up to your today (${ctx.today}), not ${logDate}.`,
        );
      }
      if (logDate < habit.startDate) {
        throw AppError.unprocessable(
          'LOG_DATE_BEFORE_START',
          `The habit starts on ${habit.startDate}; ${logDate} is before it.`,
        );
      }
      const written = locked.result!;
      const log = toHabitLogDto(written.log);
      const before = records.logs.find((l) => l.date === logDate)?.status ?? null;
      const after = new Map([[habit.id, withWrittenLog(records, written.log, ctx.today)]]);
      const recomputed = (
        await this.stats.recompute(manager, ctx, [habit], { records: after, defer: true })
      ).get(habit.id)!;
      ctx.events.record(user.id, 'habit_logged', { log, habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      this.goals.refreshLocked(ctx, locked.goals, {
        habitId: habit.id,
        date: logDate,
        doneDelta: (written.log.status === 'done' ? 1 : 0) - (before === 'done' ? 1 : 0),
      });
      return { created: written.inserted, body: { log, habit: recomputed.dto } };
    });
  }

  async list(
    user: AuthUser,
    habitId: string,
    query: ListHabitLogsQueryDto,
  ): Promise<HabitLogDto[]> {
    const today = await this.freshness.ensureFresh(user);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(DEFAULT_LOG_RANGE_DAYS - 1));
    if (from > to) throw AppError.badRequest('INVALID_RANGE', '`from` must not be after `to`.');
    if (diffDays(to, from) + 1 > MAX_RANGE_DAYS) {
      throw AppError.badRequest('RANGE_TOO_LONG', `A range covers at most ${MAX_RANGE_DAYS} days.`);
    }
    return this.uow.read(async (manager) => {
      const habit = await this.habits.findOwned(manager, user.id, habitId);
      return (await this.logs.between(manager, habit.id, from, to)).map(toHabitLogDto);
    });
  }

  /** Undo: removes the log and answers the habit as it is without it (five round trips, as `log`). */
  remove(user: AuthUser, logId: string): Promise<HabitAfterLogDeleteDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const locked = await this.logs.lockHabitAndDelete(manager, user.id, logId, ctx.today);
      const { habit, records } = locked;
      // Not the user's log, or a concurrent undo removed it first.
      const day = locked.result;
      if (!habit || !records || day === null) throw logNotFound();
      const before = records.logs.find((l) => l.date === day)?.status ?? null;
      const after = new Map([[habit.id, withoutLogOn(records, day, ctx.today)]]);
      const recomputed = (
        await this.stats.recompute(manager, ctx, [habit], { records: after, defer: true })
      ).get(habit.id)!;
      // Other tabs need the habit without the log even when the streak did not move.
      if (!recomputed.streakChanged)
        ctx.events.record(user.id, 'streak_update', { habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      this.goals.refreshLocked(ctx, locked.goals, {
        habitId: habit.id,
        date: day,
        doneDelta: before === 'done' ? -1 : 0,
      });
      return { habit: recomputed.dto };
    });
  }
}

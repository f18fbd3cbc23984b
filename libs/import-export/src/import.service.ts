import type { AuthUser } from '@app/common';
import type { ImportProgress, LocalDate } from '@app/contracts';
import { HabitsRepository, HabitStatsService } from '@app/habits';
import { GoalProgressService } from '@app/goal-progress';
import { EventBuffer, UnitOfWork, type WriteContext } from '@app/unit-of-work';
import { EventPublisher } from '@app/realtime';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { importRefused } from './import-error';
import { ImportExportRepository, type NewImportedHabit } from './import-export.repository';
import type { ImportResultDto, ImportSummaryDto } from './import-export.dto';
import type { ImportedHabit, ImportPlan } from './import-plan';
import { MAX_IMPORT_GOALS, MAX_IMPORT_HABITS } from './limits';
import { parseImport } from './parse-import';

/** Whether this server stores measurable habits (SPEC.md §6); until it does they are skipped. */
export const MEASURABLE_HABITS_SUPPORTED = true;
/** Imports with more logs than this report `import_progress` over the socket as they run. */
export const PROGRESS_MIN_LOGS = 10_000;

/** The plan's habits split into new ones and those the account already has (by external id). */
interface Matching {
  created: ImportedHabit[];
  matched: { habit: ImportedHabit; id: string; newLogs: ImportedHabit['logs'] }[];
  habitsBefore: number;
  goalsBefore: number;
  lastPosition: number;
}

/**
 * `POST /api/imports` (SPEC.md §6 "Import and export"): the file is parsed and checked before
 * any work, then written in one transaction (the unit of work's, which holds the user's lock):
 * new habits with their schedules, pauses and logs, goals and links; habits matched by external
 * id get only the days they lack, so importing the same file again changes nothing. Statistics
 * are recomputed by the engine and one `import_completed` event is recorded, not one per log.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ImportExportRepository,
    private readonly habits: HabitsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private readonly logger = new Logger('ImportService');
  private publisher: EventPublisher | null | undefined;

  /** A running import's progress to the user's sockets (when this process has them). */
  private report(userId: string, progress: ImportProgress): void {
    if (this.publisher === undefined) {
      try {
        this.publisher = this.moduleRef.get(EventPublisher, { strict: false });
      } catch (error) {
        this.logger.debug(`no socket publisher, so no import progress: ${String(error)}`);
        this.publisher = null;
      }
    }
    this.publisher?.notify(userId, 'import_progress', progress);
  }

  async import(
    user: AuthUser,
    file: { buffer: Buffer } | undefined,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    if (!file)
      throw importRefused('IMPORT_FILE_MISSING', 'Send the file in the multipart field "file".');
    const plan = await parseImport(new Uint8Array(file.buffer), this.uow.todayOf(user), {
      measurable: MEASURABLE_HABITS_SUPPORTED,
    });
    if (dryRun) {
      return this.uow.read(async (manager) => {
        const matching = await this.match(manager, user.id, plan);
        return this.result(plan, matching, true, this.settingsWarning(plan, matching));
      });
    }
    return this.uow.run(user, async (manager, ctx) => {
      const matching = await this.match(manager, user.id, plan);
      const warnings = this.settingsWarning(plan, matching);
      const writeCtx = await this.applySettings(manager, ctx, plan, matching);
      const result = this.result(plan, matching, false, warnings);
      await this.write(manager, writeCtx, plan, matching);
      ctx.events.record(user.id, 'import_completed', result.summary);
      return result;
    });
  }

  private async match(manager: EntityManager, userId: string, plan: ImportPlan): Promise<Matching> {
    const externalIds = plan.habits.flatMap((h) => (h.externalId ? [h.externalId] : []));
    if (new Set(externalIds).size !== externalIds.length) {
      throw importRefused('IMPORT_MALFORMED', 'The file gives two habits the same id.');
    }
    const state = await this.repository.accountState(manager, userId, externalIds);
    const matchedIds = plan.habits.flatMap((h) => {
      const id = h.externalId ? state.matched.get(h.externalId) : undefined;
      return id ? [id] : [];
    });
    const logged = await this.repository.loggedDates(manager, matchedIds);
    const matching: Matching = {
      created: [],
      matched: [],
      habitsBefore: state.habits,
      goalsBefore: state.goals,
      lastPosition: state.lastPosition,
    };
    for (const habit of plan.habits) {
      const id = habit.externalId ? state.matched.get(habit.externalId) : undefined;
      if (id === undefined) {
        matching.created.push(habit);
      } else {
        const dates = logged.get(id) ?? new Set<LocalDate>();
        matching.matched.push({ habit, id, newLogs: habit.logs.filter((l) => !dates.has(l.date)) });
      }
    }
    if (state.habits + matching.created.length > MAX_IMPORT_HABITS) {
      throw importRefused(
        'IMPORT_LIMIT_REACHED',
        `The import would bring the account to ${state.habits + matching.created.length} habits; at most ${MAX_IMPORT_HABITS} are allowed.`,
      );
    }
    if (state.goals + plan.goals.length > MAX_IMPORT_GOALS) {
      throw importRefused(
        'IMPORT_LIMIT_REACHED',
        `The import would bring the account to ${state.goals + plan.goals.length} goals; at most ${MAX_IMPORT_GOALS} are allowed.`,
      );
    }
    return matching;
  }

  /** A document's settings apply to an account without habits; otherwise the account keeps its own. */
  private settingsWarning(plan: ImportPlan, matching: Matching): string[] {
    return plan.settings && matching.habitsBefore > 0
      ? ['The account already had habits, so its time zone and day settings were kept.']
      : [];
  }

  private async applySettings(
    manager: EntityManager,
    ctx: WriteContext,
    plan: ImportPlan,
    matching: Matching,
  ): Promise<WriteContext> {
    if (!plan.settings || matching.habitsBefore > 0) return ctx;
    await this.repository.updateSettings(manager, ctx.user.id, plan.settings, ctx.now);
    const user = { ...ctx.user, ...plan.settings };
    return { ...ctx, user, today: this.uow.todayOf(user, ctx.now) };
  }

  private result(
    plan: ImportPlan,
    matching: Matching,
    dryRun: boolean,
    extraWarnings: string[],
  ): ImportResultDto {
    const summary: ImportSummaryDto = {
      source: plan.source,
      habitsCreated: matching.created.length,
      habitsMatched: matching.matched.length,
      habitsSkipped: plan.skippedHabits.length,
      logsCreated:
        matching.created.reduce((n, h) => n + h.logs.length, 0) +
        matching.matched.reduce((n, m) => n + m.newLogs.length, 0),
      goalsCreated: plan.goals.length,
    };
    return {
      dryRun,
      summary,
      warnings: [...plan.warnings, ...extraWarnings],
      skippedHabits: plan.skippedHabits,
    };
  }

  private async write(
    manager: EntityManager,
    ctx: WriteContext,
    plan: ImportPlan,
    matching: Matching,
  ): Promise<void> {
    const userId = ctx.user.id;
    const idOf = new Map<ImportedHabit, string>(matching.matched.map((m) => [m.habit, m.id]));
    const rows: NewImportedHabit[] = matching.created.map((habit, index) => {
      const id = randomUUID();
      idOf.set(habit, id);
      const current = habit.schedules[habit.schedules.length - 1];
      return {
        id,
        userId,
        externalId: habit.externalId,
        name: habit.name,
        description: habit.description,
        frequency: current.frequency,
        timesPerWeek: current.timesPerWeek,
        daysOfWeek: current.daysOfWeek,
        intervalDays: current.intervalDays,
        startDate: habit.startDate,
        createdOn: habit.createdOn ?? ctx.today,
        difficulty: habit.difficulty,
        priority: habit.priority,
        status: habit.status,
        color: habit.color,
        icon: habit.icon,
        position: matching.lastPosition + index + 1,
        kind: habit.kind,
        unit: habit.measure?.unit ?? null,
        targetType: habit.measure?.target.type ?? null,
        targetValue: habit.measure?.target.value ?? null,
        targetPeriod: habit.measure?.target.period ?? null,
      };
    });
    await this.repository.insertHabits(manager, rows, ctx.now);
    await this.repository.insertSchedules(
      manager,
      matching.created.flatMap((h) =>
        h.schedules.map((schedule) => ({ habitId: idOf.get(h)!, schedule })),
      ),
    );
    await this.repository.insertPauses(
      manager,
      matching.created.flatMap((h) => h.pauses.map((p) => ({ habitId: idOf.get(h)!, ...p }))),
    );
    const logs = [
      ...matching.created.flatMap((h) => h.logs.map((l) => ({ habitId: idOf.get(h)!, ...l }))),
      ...matching.matched.flatMap((m) => m.newLogs.map((l) => ({ habitId: m.id, ...l }))),
    ];
    const total = logs.length;
    const report =
      total > PROGRESS_MIN_LOGS
        ? (progress: ImportProgress) => this.report(userId, progress)
        : () => undefined;
    await this.repository.insertLogs(manager, logs, ctx.now, (done) =>
      report({ phase: 'writing', done, total }),
    );
    report({ phase: 'computing', done: total, total });

    const goalRows = plan.goals.map((goal) => ({ ...goal, id: randomUUID(), userId }));
    await this.repository.insertGoals(
      manager,
      goalRows,
      goalRows.flatMap((goal) =>
        goal.links.map((link) => ({
          goalId: goal.id,
          habitId: idOf.get(plan.habits[link.habitIndex])!,
          contributionWeight: link.contributionWeight,
          count: link.count ?? 'completions',
        })),
      ),
      ctx.now,
    );

    // Statistics through the engine, for every habit that changed; goals linked to them too.
    // Their events (streaks, goals reached) are summed up by the one import_completed event.
    const changed = [
      ...rows.map((r) => r.id),
      ...matching.matched.filter((m) => m.newLogs.length > 0).map((m) => m.id),
    ];
    const quiet: WriteContext = { ...ctx, events: new EventBuffer() };
    if (changed.length > 0) {
      const entities = await this.habits.findOwnedIn(manager, userId, changed);
      await this.stats.recompute(manager, quiet, entities);
      await this.goals.refreshLinkedTo(manager, quiet, changed);
    }
    await this.goals.refresh(
      manager,
      quiet,
      goalRows.map((g) => g.id),
    );
  }
}

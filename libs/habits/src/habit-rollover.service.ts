import type { LocalDate } from '@app/contracts';
import { userDayOf } from '@app/domain';
import { GoalProgressService } from '@app/goal-progress';
import { UnitOfWork } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';
import { scanStart, UserScanRepository } from './user-scan.repository';

/** Users per transaction (50 habits each: about 1,000 habits a batch). */
export const ROLLOVER_BATCH = 20;

/** What one batch of the day rollover did. */
export interface RolloverReport {
  /** Users whose habits or goals were brought to the day. */
  users: number;
  /** Habits whose row was written (their figures or `statsAsOf` moved). */
  habitsChanged: number;
}

/**
 * The scheduled jobs' side of "no read returns statistics older than the user's today"
 * (SPEC.md §3 "Stored statistics", "Risk"): a batch of users who share a day is brought to it
 * in one transaction with set-based statements — their rows locked in one statement, the
 * habits not yet as of that day read as plain rows in one, the engine's figures written in one
 * UPDATE, the goals not yet as of that day refreshed in three, events only for transitions
 * (a changed streak, a new `habit_at_risk`, a goal just completed). Habits and goals already as
 * of the day are not read or written, so a second run writes nothing.
 */
@Injectable()
export class HabitRolloverService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly scan: UserScanRepository,
  ) {}

  /**
   * Every active user whose day has started since their statistics were computed, group by
   * group: users who share a time zone and day-start hour share a today, computed here (never
   * in SQL); within a group a keyset scan on the user id hands batches of users with habits
   * not yet as of that day to `rollover`. Users already as of their day are never read, so a
   * second run reads one empty page per group and writes nothing. `fromScratch` (`npm run
   * stats:rebuild`): every user, active or not, every habit and goal folded from every log.
   */
  async all(now: Date, fromScratch = false): Promise<RolloverReport> {
    // Users of a zone and day start share a today, whatever their nudge hour.
    const groups = new Map(
      (await this.scan.groups(!fromScratch)).map((g) => [`${g.timezone} ${g.dayStartHour}`, g]),
    );
    const report: RolloverReport = { users: 0, habitsChanged: 0 };
    for (const group of groups.values()) {
      const today = userDayOf(now, group.timezone, group.dayStartHour);
      const batchScan = {
        activeOnly: !fromScratch,
        group: { timezone: group.timezone, dayStartHour: group.dayStartHour },
        habits: fromScratch ? undefined : { kind: 'statsNotOf' as const, day: today },
      };
      for (let after = scanStart; ;) {
        const batch = await this.scan.nextBatch(batchScan, after, ROLLOVER_BATCH);
        if (batch.length === 0) break;
        after = batch[batch.length - 1].id;
        const done = await this.rollover(
          batch.map((u) => u.id),
          today,
          fromScratch,
        );
        report.users += fromScratch ? batch.length : done.users;
        report.habitsChanged += done.habitsChanged;
      }
    }
    return report;
  }

  /**
   * Brings these users (who share `today`) to it; a statement count independent of their
   * habits. `fromScratch` (the rebuild): every habit and goal of theirs, folded from every log.
   */
  rollover(userIds: string[], today: LocalDate, fromScratch = false): Promise<RolloverReport> {
    return this.uow.runBatch(userIds, today, async (manager, ctx, locked) => {
      const stale = await this.habits.staleWithRecords(manager, locked, today, fromScratch);
      const written = await this.stats.recompute(
        manager,
        ctx,
        stale.map((s) => s.habit),
        {
          records: new Map(stale.map((s) => [s.habit.id, s.records])),
          onlyIfChanged: !fromScratch,
        },
      );
      this.stats.recordTransitions(ctx, written.values());
      const goalIds = await this.goals.staleGoalIdsOf(manager, locked, today, fromScratch);
      const refreshed = await this.goals.refresh(manager, ctx, goalIds);
      const users = new Set([
        ...stale.map((s) => s.habit.userId),
        ...[...refreshed.values()].map((g) => g.goal.userId),
      ]);
      return { users: users.size, habitsChanged: written.size };
    });
  }
}

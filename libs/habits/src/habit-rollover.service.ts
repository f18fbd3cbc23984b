import type { LocalDate } from '@app/contracts';
import { GoalProgressService } from '@app/goal-progress';
import { UnitOfWork } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';

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
  ) {}

  /** Brings these users (who share `today`) to it; a statement count independent of their habits. */
  rollover(userIds: string[], today: LocalDate): Promise<RolloverReport> {
    return this.uow.runBatch(userIds, today, async (manager, ctx, locked) => {
      const stale = await this.habits.staleWithRecords(manager, locked, today);
      const written = await this.stats.recompute(
        manager,
        ctx,
        stale.map((s) => s.habit),
        {
          records: new Map(stale.map((s) => [s.habit.id, s.records])),
          onlyIfChanged: true,
        },
      );
      this.stats.recordTransitions(ctx, written.values());
      const goalIds = await this.goals.staleGoalIdsOf(manager, locked, today);
      const refreshed = await this.goals.refresh(manager, ctx, goalIds);
      const users = new Set([
        ...stale.map((s) => s.habit.userId),
        ...[...refreshed.values()].map((g) => g.goal.userId),
      ]);
      return { users: users.size, habitsChanged: written.size };
    });
  }
}

import { Clock } from '@app/common';
import { GoalProgressService } from '@app/goal-progress';
import { UnitOfWork } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { stillPresent, toHabitHistory } from './habit-history.mapper';
import { HabitRolloverService } from './habit-rollover.service';
import { deriveStats, statsDifferences } from './habit-stats.mapper';
import { HabitsRepository } from './habits.repository';
import { scanStart } from './user-scan.repository';

export interface StatsDifference {
  kind: 'habit' | 'goal';
  id: string;
  field: string;
  stored: unknown;
  expected: unknown;
}

const BATCH = 200;

/**
 * The stored-statistics invariant (SPEC.md §3): recomputing every habit and goal from the
 * logs as of its `statsAsOf` gives the stored values — with the same mapper and the same goal
 * rule as the write path. `npm run stats:verify` reports the differences; `npm run
 * stats:rebuild` recomputes every user as of their today.
 */
@Injectable()
export class StatsVerifier {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly goals: GoalProgressService,
    private readonly rollover: HabitRolloverService,
    private readonly clock: Clock,
  ) {}

  verify(): Promise<StatsDifference[]> {
    return this.uow.read((manager) => this.differences(manager));
  }

  private async differences(manager: EntityManager): Promise<StatsDifference[]> {
    const differences: StatsDifference[] = [];
    for (let after = scanStart; ;) {
      const habits = await this.habits.page(manager, after, BATCH);
      if (habits.length === 0) break;
      after = habits[habits.length - 1].id;
      const records = await this.habits.recordsOf(
        manager,
        habits.map((h) => h.id),
        '0000-01-01',
      );
      for (const habit of stillPresent(habits, records)) {
        if (habit.statsAsOf === null) {
          differences.push({
            kind: 'habit',
            id: habit.id,
            field: 'statsAsOf',
            stored: null,
            expected: 'a date',
          });
          continue;
        }
        const history = toHabitHistory(habit, records.get(habit.id)!);
        const { derived } = deriveStats(history, habit.statsAsOf);
        for (const difference of statsDifferences(habit, derived))
          differences.push({ kind: 'habit', id: habit.id, ...difference });
      }
    }
    for (const difference of await this.goals.differences(manager))
      differences.push({ kind: 'goal', ...difference });
    return differences;
  }

  /**
   * Recomputes every user's habits and goals as of their today from every log (checkpoints
   * folded anew), in the rollover's batches; returns the number of users.
   */
  async rebuild(): Promise<number> {
    return (await this.rollover.all(this.clock.now(), true)).users;
  }
}

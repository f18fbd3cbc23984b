import { GoalEntity, HabitEntity, UserEntity } from '@app/database';
import { computeGoalProgress, computeHabitStats, evaluateSuggestions } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { stillPresent, toHabitHistory } from './habit-history.mapper';
import { HabitFreshnessService } from './habit-freshness.service';
import { HabitsRepository } from './habits.repository';

export interface StatsDifference {
  kind: 'habit' | 'goal';
  id: string;
  field: string;
  stored: unknown;
  expected: unknown;
}

const BATCH = 200;

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) < 1e-9
    : JSON.stringify(a) === JSON.stringify(b);

/**
 * The stored-statistics invariant (SPEC.md §3): recomputing every habit and goal from the
 * logs as of its `statsAsOf` gives the stored values. `npm run stats:verify` reports the
 * differences; `npm run stats:rebuild` recomputes every user as of their today.
 */
@Injectable()
export class StatsVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly habits: HabitsRepository,
    private readonly freshness: HabitFreshnessService,
  ) {}

  async verify(): Promise<StatsDifference[]> {
    const differences: StatsDifference[] = [];
    const manager = this.dataSource.manager;
    for (let offset = 0; ; offset += BATCH) {
      const habits = await manager
        .getRepository(HabitEntity)
        .find({ order: { id: 'ASC' }, skip: offset, take: BATCH });
      if (habits.length === 0) break;
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
        const stats = computeHabitStats(history, habit.statsAsOf);
        const reduce = evaluateSuggestions(history, habit.statsAsOf, stats).find(
          (s) => s.type === 'reduce_frequency',
        );
        const expected: Partial<Record<keyof HabitEntity, unknown>> = {
          status: stats.status,
          currentStreak: stats.currentStreak,
          longestStreak: stats.longestStreak,
          totalCompletions: stats.totalCompletions,
          totalSkips: stats.totalSkips,
          consistencyScore: stats.consistencyScore,
          failureRate: stats.failureRate,
          strength: stats.strength,
          consecutiveMisses: stats.consecutiveMisses,
          lastCompletedDate: stats.lastCompletedDate,
          suggestedFrequency: reduce?.suggestedFrequency ?? null,
          nextDueDate: stats.nextDueDate,
          dueToday: stats.dueToday,
          weekDone: stats.week?.done ?? null,
          weekQuota: stats.week?.quota ?? null,
        };
        for (const [field, value] of Object.entries(expected)) {
          const stored = habit[field as keyof HabitEntity];
          if (!same(stored, value))
            differences.push({ kind: 'habit', id: habit.id, field, stored, expected: value });
        }
      }
    }
    for (let offset = 0; ; offset += BATCH) {
      const goals = await manager
        .getRepository(GoalEntity)
        .find({ order: { id: 'ASC' }, skip: offset, take: BATCH });
      if (goals.length === 0) break;
      const rows: { goal_id: string; weight: number; dates: string[] }[] = await manager.query(
        `SELECT gh.goal_id, gh.contribution_weight AS weight,
                coalesce(array_agg(l.log_date::text) FILTER (WHERE l.id IS NOT NULL), '{}') AS dates
         FROM goal_habits gh
         LEFT JOIN habit_logs l ON l.habit_id = gh.habit_id AND l.status = 'done'
         WHERE gh.goal_id = ANY($1::uuid[])
         GROUP BY gh.goal_id, gh.habit_id, gh.contribution_weight`,
        [goals.map((g) => g.id)],
      );
      for (const goal of goals) {
        const links = rows
          .filter((r) => r.goal_id === goal.id)
          .map((r) => ({ contributionWeight: r.weight, doneDates: r.dates }));
        const today = goal.statsAsOf ?? goal.startDate;
        const progress = computeGoalProgress({ ...goal, links }, today);
        for (const [field, value] of [
          ['currentValue', progress.currentValue],
          ['isCompleted', progress.isCompleted],
        ] as const) {
          if (!same(goal[field], value))
            differences.push({
              kind: 'goal',
              id: goal.id,
              field,
              stored: goal[field],
              expected: value,
            });
        }
      }
    }
    return differences;
  }

  /** Recomputes every user's habits and goals as of their today; returns the number of users. */
  async rebuild(): Promise<number> {
    let count = 0;
    for (let offset = 0; ; offset += BATCH) {
      const users = await this.dataSource.manager
        .getRepository(UserEntity)
        .find({ order: { id: 'ASC' }, skip: offset, take: BATCH });
      if (users.length === 0) break;
      for (const user of users) await this.freshness.recomputeUser(user);
      count += users.length;
    }
    return count;
  }
}

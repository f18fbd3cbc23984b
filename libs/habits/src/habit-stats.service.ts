import { HabitEntity } from '@app/database';
import { HabitStats } from '@app/domain';
import type { DayContext } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HabitDto, toHabitDto } from './habit.dto';
import { recentDaysOf, toHabitHistory } from './habit-history.mapper';
import { deriveStats, StoredStats, statsDifferences } from './habit-stats.mapper';
import { HabitRecords, HabitsRepository } from './habits.repository';

export interface RecomputedHabit {
  habit: HabitEntity;
  dto: HabitDto;
  records: HabitRecords;
  stats: HabitStats;
  streakChanged: boolean;
  becameAtRisk: boolean;
}

/**
 * Recomputes stored statistics and derived status from the logs with the engine, inside the
 * caller's transaction (the habits are already locked) and bumps `version`; the caller then
 * records the transitions' events in its own order (SPEC.md §3 "Stored statistics", "Risk").
 * Three reads and one UPDATE, whatever the number of habits.
 */
@Injectable()
export class HabitStatsService {
  constructor(private readonly habits: HabitsRepository) {}

  /**
   * `records`: the habits' records as they are now, when the caller already has them (a log
   * write reads them with the habit's lock); otherwise they are read (one statement).
   * `onlyIfChanged` (the scheduled jobs) writes only the habits whose figures would change, so
   * a second run of a job changes nothing; writes always bump `version`.
   */
  async recompute(
    manager: EntityManager,
    ctx: DayContext,
    habits: HabitEntity[],
    options: { onlyIfChanged?: boolean; records?: Map<string, HabitRecords> } = {},
  ): Promise<Map<string, RecomputedHabit>> {
    const result = new Map<string, RecomputedHabit>();
    if (habits.length === 0) return result;
    const records =
      options.records ??
      (await this.habits.recordsOf(
        manager,
        habits.map((h) => h.id),
        ctx.today,
      ));
    const computed = habits
      .map((habit) => {
        const record = records.get(habit.id)!;
        const { stats, derived } = deriveStats(toHabitHistory(habit, record), ctx.today);
        const becameAtRisk =
          habit.status === 'active' &&
          stats.status === 'at_risk' &&
          habit.lastRiskAlertDate !== ctx.today;
        const streakChanged =
          habit.currentStreak !== stats.currentStreak ||
          habit.longestStreak !== stats.longestStreak;
        const stored: StoredStats = {
          ...derived,
          lastRiskAlertDate: becameAtRisk ? ctx.today : habit.lastRiskAlertDate,
          statsAsOf: ctx.today,
        };
        return { habit, record, stats, becameAtRisk, streakChanged, stored };
      })
      .filter((c) => !options.onlyIfChanged || statsDifferences(c.habit, c.stored).length > 0);
    if (computed.length === 0) return result;

    const versions = await this.habits.writeStats(
      manager,
      computed.map((c) => ({ id: c.habit.id, stats: c.stored })),
      ctx.now,
    );
    for (const { habit, record, stats, becameAtRisk, streakChanged, stored } of computed) {
      Object.assign(habit, stored, {
        version: versions.get(habit.id)?.version ?? habit.version + 1,
        updatedAt: new Date(versions.get(habit.id)?.updatedAt ?? ctx.now),
      });
      const dto = toHabitDto(
        habit,
        record.pauses,
        record.todayLog,
        recentDaysOf(habit, record, ctx.today),
      );
      result.set(habit.id, { habit, dto, records: record, stats, streakChanged, becameAtRisk });
    }
    return result;
  }

  /** Records `streak_update` for changed streaks and `habit_at_risk` for new transitions. */
  recordTransitions(ctx: DayContext, recomputed: Iterable<RecomputedHabit>): void {
    for (const r of recomputed) {
      if (r.streakChanged) ctx.events.record(r.habit.userId, 'streak_update', { habit: r.dto });
      if (r.becameAtRisk) {
        ctx.events.record(r.habit.userId, 'habit_at_risk', {
          habit: r.dto,
          consecutiveMisses: r.stats.consecutiveMisses,
        });
      }
    }
  }
}

import { HabitEntity } from '@app/database';
import {
  addDays,
  advanceCheckpoint,
  checkpointHabit,
  HabitCheckpoint,
  HabitHistory,
  HabitStats,
  statsFromCheckpoint,
} from '@app/domain';
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
 * The habit's checkpoint through the day before `today`: the stored one moved forward over the
 * days since (the records hold the logs it needs), or, without one, folded from every log.
 */
function checkpointThroughYesterday(
  stored: HabitCheckpoint | null,
  history: HabitHistory,
  today: string,
): HabitCheckpoint {
  const yesterday = addDays(today, -1);
  if (stored === null) return checkpointHabit(history, yesterday);
  return stored.through < yesterday ? advanceCheckpoint(stored, history, yesterday) : stored;
}

/**
 * Recomputes stored statistics and derived status from the logs with the engine, inside the
 * caller's transaction (the habits are already locked) and bumps `version`; the caller then
 * records the transitions' events in its own order (SPEC.md §3 "Stored statistics", "Risk").
 * The engine works from each habit's checkpoint (the history-long folds through yesterday):
 * the stored one when the records carry it, else one folded from every log; the checkpoint is
 * saved with the statistics, so the next write of today's log reads only recent logs.
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
    options: {
      onlyIfChanged?: boolean;
      records?: Map<string, HabitRecords>;
      /** Send the UPDATE with the write's last statement (`ctx.deferred`) instead of now. */
      defer?: boolean;
    } = {},
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
        const history = toHabitHistory(habit, record);
        const checkpoint = checkpointThroughYesterday(record.checkpoint, history, ctx.today);
        const { stats, derived } = deriveStats(
          history,
          ctx.today,
          statsFromCheckpoint(checkpoint, history, ctx.today),
        );
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
        return { habit, record, stats, becameAtRisk, streakChanged, stored, checkpoint };
      })
      .filter((c) => !options.onlyIfChanged || statsDifferences(c.habit, c.stored).length > 0);
    if (computed.length === 0) return result;

    const rows = computed.map((c) => ({
      id: c.habit.id,
      stats: c.stored,
      checkpoint: c.checkpoint,
    }));
    let versions = new Map<string, { version: number; updatedAt: Date }>();
    if (options.defer) ctx.deferred.add(this.habits.statsWrite(rows, ctx.now));
    else versions = await this.habits.writeStats(manager, rows, ctx.now);
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

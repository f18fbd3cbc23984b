import type { LocalDate } from '@app/contracts';
import { HabitEntity, queryRows } from '@app/database';
import { computeHabitStats, evaluateSuggestions, HabitStats } from '@app/domain';
import type { WriteContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HabitDto, toHabitDto } from './habit.dto';
import { recentDaysOf, toHabitHistory } from './habit-history.mapper';
import { HabitRecords, HabitsRepository } from './habits.repository';

export interface RecomputedHabit {
  habit: HabitEntity;
  dto: HabitDto;
  records: HabitRecords;
  stats: HabitStats;
  streakChanged: boolean;
  becameAtRisk: boolean;
}

/** The stored columns a recomputation writes, as the batched UPDATE reads them. */
interface StatsRow {
  id: string;
  status: HabitEntity['status'];
  current_streak: number;
  longest_streak: number;
  total_completions: number;
  total_skips: number;
  consistency_score: number | null;
  failure_rate: number | null;
  strength: number;
  consecutive_misses: number;
  last_completed_date: LocalDate | null;
  suggested_frequency: string | null;
  last_risk_alert_date: LocalDate | null;
  stats_as_of: LocalDate;
  next_due_date: LocalDate | null;
  due_today: boolean;
  week_done: number | null;
  week_quota: number | null;
}

/** Whether the stored columns already hold these figures. */
function storedMatches(habit: HabitEntity, row: StatsRow): boolean {
  const stored: StatsRow = {
    id: habit.id,
    status: habit.status,
    current_streak: habit.currentStreak,
    longest_streak: habit.longestStreak,
    total_completions: habit.totalCompletions,
    total_skips: habit.totalSkips,
    consistency_score: habit.consistencyScore,
    failure_rate: habit.failureRate,
    strength: habit.strength,
    consecutive_misses: habit.consecutiveMisses,
    last_completed_date: habit.lastCompletedDate,
    suggested_frequency: habit.suggestedFrequency,
    last_risk_alert_date: habit.lastRiskAlertDate,
    stats_as_of: habit.statsAsOf ?? '',
    next_due_date: habit.nextDueDate,
    due_today: habit.dueToday,
    week_done: habit.weekDone,
    week_quota: habit.weekQuota,
  };
  return (Object.keys(row) as (keyof StatsRow)[]).every((key) =>
    typeof row[key] === 'number' && typeof stored[key] === 'number'
      ? Math.abs((row[key] as number) - (stored[key] as number)) < 1e-9
      : row[key] === stored[key],
  );
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
   * `onlyIfChanged` (the scheduled jobs) writes only the habits whose figures would change, so
   * a second run of a job changes nothing; writes always bump `version`.
   */
  async recompute(
    manager: EntityManager,
    ctx: WriteContext,
    habits: HabitEntity[],
    options: { onlyIfChanged?: boolean } = {},
  ): Promise<Map<string, RecomputedHabit>> {
    const result = new Map<string, RecomputedHabit>();
    if (habits.length === 0) return result;
    const records = await this.habits.recordsOf(
      manager,
      habits.map((h) => h.id),
      ctx.today,
    );
    const rows: StatsRow[] = [];
    const computed = habits
      .map((habit) => {
        const record = records.get(habit.id)!;
        const history = toHabitHistory(habit, record);
        const stats = computeHabitStats(history, ctx.today);
        const reduce = evaluateSuggestions(history, ctx.today, stats).find(
          (s) => s.type === 'reduce_frequency',
        );
        const becameAtRisk =
          habit.status === 'active' &&
          stats.status === 'at_risk' &&
          habit.lastRiskAlertDate !== ctx.today;
        const streakChanged =
          habit.currentStreak !== stats.currentStreak ||
          habit.longestStreak !== stats.longestStreak;
        const row: StatsRow = {
          id: habit.id,
          status: stats.status,
          current_streak: stats.currentStreak,
          longest_streak: stats.longestStreak,
          total_completions: stats.totalCompletions,
          total_skips: stats.totalSkips,
          consistency_score: stats.consistencyScore,
          failure_rate: stats.failureRate,
          strength: stats.strength,
          consecutive_misses: stats.consecutiveMisses,
          last_completed_date: stats.lastCompletedDate,
          suggested_frequency: reduce?.suggestedFrequency ?? null,
          last_risk_alert_date: becameAtRisk ? ctx.today : habit.lastRiskAlertDate,
          stats_as_of: ctx.today,
          next_due_date: stats.nextDueDate,
          due_today: stats.dueToday,
          week_done: stats.week?.done ?? null,
          week_quota: stats.week?.quota ?? null,
        };
        return { habit, record, stats, becameAtRisk, streakChanged, row };
      })
      .filter((c) => !options.onlyIfChanged || !storedMatches(c.habit, c.row));
    if (computed.length === 0) return result;
    rows.push(...computed.map((c) => c.row));

    const updated = await queryRows<{ id: string; version: number; updated_at: Date }>(
      manager,
      `UPDATE habits h SET
         status = x.status, current_streak = x.current_streak, longest_streak = x.longest_streak,
         total_completions = x.total_completions, total_skips = x.total_skips,
         consistency_score = x.consistency_score, failure_rate = x.failure_rate, strength = x.strength,
         consecutive_misses = x.consecutive_misses, last_completed_date = x.last_completed_date,
         suggested_frequency = x.suggested_frequency, last_risk_alert_date = x.last_risk_alert_date,
         stats_as_of = x.stats_as_of, next_due_date = x.next_due_date, due_today = x.due_today,
         week_done = x.week_done, week_quota = x.week_quota,
         version = h.version + 1, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(
         id uuid, status varchar, current_streak int, longest_streak int, total_completions int,
         total_skips int, consistency_score smallint, failure_rate float8, strength float8,
         consecutive_misses int, last_completed_date date, suggested_frequency varchar,
         last_risk_alert_date date, stats_as_of date, next_due_date date, due_today boolean,
         week_done smallint, week_quota smallint)
       WHERE h.id = x.id
       RETURNING h.id, h.version, h.updated_at`,
      [JSON.stringify(rows), ctx.now],
    );
    const versions = new Map(updated.map((u) => [u.id, u]));

    for (const { habit, record, stats, becameAtRisk, streakChanged, row } of computed) {
      Object.assign(habit, {
        status: row.status,
        currentStreak: row.current_streak,
        longestStreak: row.longest_streak,
        totalCompletions: row.total_completions,
        totalSkips: row.total_skips,
        consistencyScore: row.consistency_score,
        failureRate: row.failure_rate,
        strength: row.strength,
        consecutiveMisses: row.consecutive_misses,
        lastCompletedDate: row.last_completed_date,
        suggestedFrequency: row.suggested_frequency,
        lastRiskAlertDate: row.last_risk_alert_date,
        statsAsOf: row.stats_as_of,
        nextDueDate: row.next_due_date,
        dueToday: row.due_today,
        weekDone: row.week_done,
        weekQuota: row.week_quota,
        version: versions.get(habit.id)?.version ?? habit.version + 1,
        updatedAt: new Date(versions.get(habit.id)?.updated_at ?? ctx.now),
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
  recordTransitions(ctx: WriteContext, recomputed: Iterable<RecomputedHabit>): void {
    for (const r of recomputed) {
      if (r.streakChanged) ctx.events.record(ctx.user.id, 'streak_update', { habit: r.dto });
      if (r.becameAtRisk) {
        ctx.events.record(ctx.user.id, 'habit_at_risk', {
          habit: r.dto,
          consecutiveMisses: r.stats.consecutiveMisses,
        });
      }
    }
  }
}

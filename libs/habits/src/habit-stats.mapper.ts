import type { LocalDate } from '@app/contracts';
import type { HabitEntity } from '@app/database';
import { computeHabitStats, evaluateSuggestions, HabitHistory, HabitStats } from '@app/domain';

/** The stored statistics of a habit: what a recomputation writes and the verifier checks. */
export type StoredStats = Pick<
  HabitEntity,
  | 'status'
  | 'currentStreak'
  | 'longestStreak'
  | 'totalCompletions'
  | 'totalSkips'
  | 'consistencyScore'
  | 'failureRate'
  | 'strength'
  | 'consecutiveMisses'
  | 'lastCompletedDate'
  | 'suggestedFrequency'
  | 'lastRiskAlertDate'
  | 'statsAsOf'
  | 'nextDueDate'
  | 'dueToday'
  | 'weekDone'
  | 'weekQuota'
  | 'period'
>;

/** The figures the engine derives from the logs alone (the rest are bookkeeping of the write). */
export type DerivedStats = Omit<StoredStats, 'lastRiskAlertDate' | 'statsAsOf'>;

/**
 * The one mapping of stored statistics: each field, its column and the column's SQL type (as the
 * batched UPDATE reads it from JSON). A new statistic is one line here.
 */
export const STATS_COLUMNS: readonly {
  field: keyof StoredStats;
  column: string;
  sqlType: string;
}[] = [
  { field: 'status', column: 'status', sqlType: 'varchar' },
  { field: 'currentStreak', column: 'current_streak', sqlType: 'int' },
  { field: 'longestStreak', column: 'longest_streak', sqlType: 'int' },
  { field: 'totalCompletions', column: 'total_completions', sqlType: 'int' },
  { field: 'totalSkips', column: 'total_skips', sqlType: 'int' },
  { field: 'consistencyScore', column: 'consistency_score', sqlType: 'smallint' },
  { field: 'failureRate', column: 'failure_rate', sqlType: 'float8' },
  { field: 'strength', column: 'strength', sqlType: 'float8' },
  { field: 'consecutiveMisses', column: 'consecutive_misses', sqlType: 'int' },
  { field: 'lastCompletedDate', column: 'last_completed_date', sqlType: 'date' },
  { field: 'suggestedFrequency', column: 'suggested_frequency', sqlType: 'varchar' },
  { field: 'lastRiskAlertDate', column: 'last_risk_alert_date', sqlType: 'date' },
  { field: 'statsAsOf', column: 'stats_as_of', sqlType: 'date' },
  { field: 'nextDueDate', column: 'next_due_date', sqlType: 'date' },
  { field: 'dueToday', column: 'due_today', sqlType: 'boolean' },
  { field: 'weekDone', column: 'week_done', sqlType: 'smallint' },
  { field: 'weekQuota', column: 'week_quota', sqlType: 'smallint' },
  { field: 'period', column: 'period', sqlType: 'jsonb' },
];

/**
 * The engine's figures for a habit's history as of `today`, as stored columns. `computed`: the
 * statistics when the caller has them already (from a checkpoint, whose history may hold only
 * the logs after it); otherwise the full recomputation over `history`.
 */
export function deriveStats(
  history: HabitHistory,
  today: LocalDate,
  computed?: HabitStats,
): { stats: HabitStats; derived: DerivedStats } {
  const stats = computed ?? computeHabitStats(history, today);
  const reduce = evaluateSuggestions(history, today, stats).find(
    (s) => s.type === 'reduce_frequency',
  );
  return {
    stats,
    derived: {
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
      period: stats.period ? { ...stats.period } : null,
    },
  };
}

/** JSON with object keys sorted (jsonb hands keys back in its own order). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Equal as stored figures: numbers within 1e-9, everything else exactly (objects by key). */
export function sameStat(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) < 1e-9
    : canonical(a) === canonical(b);
}

/** The fields of `expected` whose stored value on the habit differs. */
export function statsDifferences<K extends keyof StoredStats>(
  habit: StoredStats,
  expected: Pick<StoredStats, K>,
): { field: K; stored: unknown; expected: unknown }[] {
  return (Object.keys(expected) as K[])
    .filter((field) => !sameStat(habit[field], expected[field]))
    .map((field) => ({ field, stored: habit[field], expected: expected[field] }));
}

/** A row for the batched UPDATE: the habit id and each column by its name. */
export function toStatsRecord(id: string, stats: StoredStats): Record<string, unknown> {
  const record: Record<string, unknown> = { id };
  for (const { field, column } of STATS_COLUMNS) record[column] = stats[field];
  return record;
}

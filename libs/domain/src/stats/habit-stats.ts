import { fromDayNumber, LocalDate, toDayNumber } from '../calendar/local-date';
import { isDueDay, nextDueDay, WeekProgress, weekProgressOf } from '../habit/due';
import { HabitHistory } from '../habit/habit-history';
import { PreparedHabit, prepareHabit, segmentAt } from '../habit/prepared-habit';
import { isMeasurable, prepareMeasure } from '../measure/measure-period';
import { computeMeasureStats, type MeasurePeriod } from '../measure/measure-stats';
import { HabitStatus } from '../schedule/pauses';
import { StreakUnit } from '../schedule/schedule';
import { consistencyScore, consistencyWindowOf, failureRate } from './consistency';
import { buildOccurrences } from './occurrences';
import { computeConsecutiveMisses, deriveStatus } from './risk';
import { computeStrength } from './strength';
import { computeStreaks } from './streaks';

/** The statistics SPEC §3 stores on a habit, as of one of the user's days. */
export interface HabitStats {
  currentStreak: number;
  longestStreak: number;
  streakUnit: StreakUnit;
  totalCompletions: number;
  totalSkips: number;
  consistencyScore: number | null;
  failureRate: number | null;
  /** A double 0–100; responses round it. */
  strength: number;
  consecutiveMisses: number;
  lastCompletedDate: LocalDate | null;
  status: HabitStatus;
  nextDueDate: LocalDate | null;
  dueToday: boolean;
  week: WeekProgress | null;
  /**
   * Measurable habits only (absent for check habits): the current period {start, end, total,
   * target, outcome}. Their `totalCompletions` counts met periods, `lastCompletedDate` the day
   * the latest was met, `streakUnit` is the target's period.
   */
  period?: MeasurePeriod;
}

export interface LogTotals {
  totalCompletions: number;
  totalSkips: number;
  lastCompletedDate: LocalDate | null;
}

/** Every log from startDate to today counts in totals, due or not, paused or not. */
export function logTotalsOf(habit: PreparedHabit): LogTotals {
  let totalCompletions = 0;
  let totalSkips = 0;
  let lastDone = -Infinity;
  for (const [day, status] of habit.logs) {
    if (status === 'done') {
      totalCompletions++;
      lastDone = Math.max(lastDone, day);
    } else if (status === 'skipped') {
      totalSkips++;
    }
  }
  return {
    totalCompletions,
    totalSkips,
    lastCompletedDate: lastDone === -Infinity ? null : fromDayNumber(lastDone),
  };
}

/** Everything that is cheap to recompute from the last weeks only (shared by both forms). */
export function recentStatsOf(
  habit: PreparedHabit,
  history: HabitHistory,
): Pick<HabitStats, 'consistencyScore' | 'failureRate' | 'nextDueDate' | 'dueToday' | 'week'> {
  const window = consistencyWindowOf(habit);
  const next = history.userStatus === 'active' ? nextDueDay(habit) : null;
  return {
    consistencyScore: consistencyScore(window),
    failureRate: failureRate(window),
    nextDueDate: next === null ? null : fromDayNumber(next),
    dueToday: isDueDay(habit, habit.today),
    week: weekProgressOf(habit),
  };
}

/**
 * The reference computation of every statistic from the full history as of `today` (the
 * user's day): logs and schedule entries after it are ignored. Measurable habits follow
 * SPEC §6 (see measure/measure-stats.ts).
 */
export function computeHabitStats(history: HabitHistory, today: LocalDate): HabitStats {
  if (isMeasurable(history))
    return computeMeasureStats(prepareMeasure(history, toDayNumber(today)), history);
  const habit = prepareHabit(history, toDayNumber(today));
  const segments = buildOccurrences(habit);
  const unitToday = segmentAt(habit, habit.today).unit;
  const streaks = computeStreaks(segments, unitToday);
  const current = segments.find((s) => s.segment === segmentAt(habit, habit.today));
  const consecutiveMisses = computeConsecutiveMisses(current, habit.today);
  return {
    ...streaks,
    ...logTotalsOf(habit),
    ...recentStatsOf(habit, history),
    strength: computeStrength(habit),
    consecutiveMisses,
    status: deriveStatus(history.userStatus, consecutiveMisses),
  };
}

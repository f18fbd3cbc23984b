import { addDays, LocalDate } from '../calendar/local-date';
import type { HabitHistory } from '../habit/habit-history';

/**
 * How many days, ending with today, the statistics that are not in a checkpoint read for a
 * check habit: the consistency and failure-rate window (30 days, or the current ISO week and
 * the 4 before it: at most 34 days back), the current week's quota and next due day, the
 * suggestions' 30 days and the weeks of the last 7 days' heatmap (12 days back). 42 = six
 * whole weeks, a margin over all of them.
 */
export const CHECK_STATS_WINDOW_DAYS = 42;

/**
 * The first day whose log the statistics as of `today` read besides a checkpoint through a
 * day before it (`statsFromCheckpoint`, the suggestions, the recent days): with a checkpoint
 * through `through`, the logs dated from min(through + 1, this day) are all a write needs.
 * Null when this kind of habit has no such bound yet and needs every log (measurable habits:
 * their window is measured in periods, see measure/measure-stats.ts).
 */
export function statsWindowStart(
  history: Pick<HabitHistory, 'kind'>,
  today: LocalDate,
): LocalDate | null {
  if (history.kind === 'measure') return null;
  return addDays(today, -(CHECK_STATS_WINDOW_DAYS - 1));
}

/**
 * Days before a checkpoint's next day that folding it forward reads: a weekly day's strength
 * counts the done logs of its last 7 days, and a week is judged from its Monday.
 */
export const FOLD_LOOKBACK_DAYS = 6;

/**
 * The first day whose log the statistics as of `today` read, given a checkpoint through
 * `through` (a day before today): the earlier of the fold's look-back before `through + 1` and
 * the window of `statsWindowStart`. Null: every log (no bound for this kind of habit).
 */
export function logsNeededFrom(
  history: Pick<HabitHistory, 'kind'>,
  through: LocalDate,
  today: LocalDate,
): LocalDate | null {
  const window = statsWindowStart(history, today);
  if (window === null) return null;
  const fold = addDays(through, 1 - FOLD_LOOKBACK_DAYS - 1);
  return fold < window ? fold : window;
}

/** The history with only the logs dated on or after `from` (the window a write reads). */
export function withLogsFrom(history: HabitHistory, from: LocalDate): HabitHistory {
  return { ...history, logs: history.logs.filter((log) => log.date >= from) };
}

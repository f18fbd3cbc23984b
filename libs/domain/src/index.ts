// The habit engine: pure functions over dates, schedules and logs (see SPEC.md §3).
// Plain data in, plain data out; no framework, database or I/O.

export * from './errors';

// Calendar: LocalDate math (zone-free) and the user's day of an instant.
export * from './calendar/local-date';
export * from './calendar/time-zone';

// Schedules, pause periods and the client-settable status.
export * from './schedule/schedule';
export * from './schedule/pauses';

// A habit as plain data: start, schedule history, pauses, logs, user-set status.
export * from './habit/habit-history';

// Due days: isDue, dueToday, nextDueDate, weekProgress (a weekly habit's {done, quota}).
export { isDue, dueDates, dueToday, nextDueDate, weekProgress } from './habit/due';
export type { WeekProgress } from './habit/due';

// Statistics as of a user's day (the reference recomputation) and their parts.
export { computeHabitStats } from './stats/habit-stats';
export type { HabitStats } from './stats/habit-stats';
export { AT_RISK_MISSES, deriveStatus } from './stats/risk';
export { CONSISTENCY_DAYS, CONSISTENCY_PAST_WEEKS } from './stats/consistency';
export { heatmap } from './stats/heatmap';
export type { HeatmapDay, HeatmapStatus } from './stats/heatmap';
export { consistencyAsOf, weeklyTotals, monthlyTotals } from './stats/aggregates';
export type { PeriodTotals } from './stats/aggregates';

// The incremental form: a stored checkpoint of the history-long folds.
export {
  checkpointHabit,
  advanceCheckpoint,
  invalidateCheckpoint,
  statsFromCheckpoint,
} from './incremental/habit-checkpoint';
export type { HabitCheckpoint } from './incremental/habit-checkpoint';
export {
  CHECK_STATS_WINDOW_DAYS,
  FOLD_LOOKBACK_DAYS,
  logsNeededFrom,
  statsWindowStart,
  withLogsFrom,
} from './incremental/stats-window';

// Suggestions: one rule per file, evaluated in a fixed order.
export * from './suggestions/suggestion';
export { reduceFrequencyRule } from './suggestions/reduce-frequency.rule';
export { easierDifficultyRule } from './suggestions/easier-difficulty.rule';
export { restartSmallRule } from './suggestions/restart-small.rule';
export { levelUpRule, LEVEL_UP_MIN_AGE_DAYS } from './suggestions/level-up.rule';
export {
  evaluateSuggestions,
  findSuggestion,
  scheduleInForce,
  MIN_EXPECTED_OCCURRENCES,
} from './suggestions/evaluate-suggestions';

// Goals: progress and completion from linked habits' done logs.
export * from './goals/goal-progress';

// Measurable habits (SPEC §6): kinds, targets, values in exact thousandths, validation, the
// period judgement and chart series, goal amounts. Statistics, heatmaps, checkpoints,
// suggestions, aggregates and nudges dispatch on `history.kind` through the entry points above.
export * from './measure/measure-target';
export {
  MAX_MEASURE_VALUE,
  hasAtMostThreeDecimals,
  isMeasureValue,
  addMeasureValues,
} from './measure/measure-value';
export { validateLogInput } from './measure/measure-log';
export type { LogInput } from './measure/measure-log';
export { isMeasurable } from './measure/measure-period';
export type { PeriodOutcome } from './measure/measure-period';
export type { MeasurePeriod } from './measure/measure-stats';
export { measureSeries } from './measure/measure-aggregates';
export type { MeasurePoint } from './measure/measure-aggregates';
export { movedTargetValue } from './measure/measure-suggestions';
export {
  GOAL_COUNTS,
  validateGoalLinkCount,
  completionDates,
  goalLinkAmount,
  computeCountedGoalProgress,
} from './measure/goal-contribution';
export type {
  GoalCount,
  CountedGoalLink,
  CountedGoalInput,
  CountedGoalProgress,
} from './measure/goal-contribution';

// Nudges: whether a habit is nudged today (the worker's hourly job applies it).
export { isNudgeDue, NUDGE_MIN_AGE_DAYS } from './nudges/nudge-rule';

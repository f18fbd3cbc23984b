import { fromDayNumber, LocalDate, toDayNumber } from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import type { HabitCheckpoint } from '../incremental/habit-checkpoint';
import type { HabitStats } from '../stats/habit-stats';
import { deriveStatus } from '../stats/risk';
import { strengthStep } from '../stats/strength';
import {
  evaluateDay,
  evaluatePeriod,
  PeriodEvaluation,
  periodEndOf,
  periodStartOf,
  PreparedMeasure,
  prepareMeasure,
} from './measure-period';
import { measureRecentStatsOf } from './measure-stats';
import { initialMeasureStrength, measureStrengthInput } from './measure-strength';
import { isScheduledDay } from '../habit/prepared-habit';

// The incremental form for measurable habits, in the same HabitCheckpoint shape: `unit` is the
// target's period, `segmentFrom` null. Days are settled as for check habits (before today); a
// week or month is folded on its last day, a period-`day` habit day by day.

interface MeasureFoldState {
  through: number;
  score: number;
  run: number;
  longest: number;
  misses: number;
  totalCompletions: number;
  totalSkips: number;
  lastDone: number;
}

function toState(checkpoint: HabitCheckpoint): MeasureFoldState {
  return {
    through: toDayNumber(checkpoint.through),
    score: checkpoint.strengthScore,
    run: checkpoint.run,
    longest: checkpoint.longest,
    misses: checkpoint.misses,
    totalCompletions: checkpoint.totalCompletions,
    totalSkips: checkpoint.totalSkips,
    lastDone:
      checkpoint.lastCompletedDate === null ? -Infinity : toDayNumber(checkpoint.lastCompletedDate),
  };
}

function toCheckpoint(measure: PreparedMeasure, state: MeasureFoldState): HabitCheckpoint {
  return {
    through: fromDayNumber(state.through),
    segmentFrom: null,
    unit: measure.period,
    strengthScore: state.score,
    run: state.run,
    longest: state.longest,
    misses: state.misses,
    totalCompletions: state.totalCompletions,
    totalSkips: state.totalSkips,
    lastCompletedDate: state.lastDone === -Infinity ? null : fromDayNumber(state.lastDone),
  };
}

/** A period's outcome in the streak and risk folds (misses only for past periods). */
function countOutcome(state: MeasureFoldState, evaluation: PeriodEvaluation, past: boolean): void {
  if (evaluation.outcome === 'met') {
    state.run++;
    state.longest = Math.max(state.longest, state.run);
    state.misses = 0;
  } else if (evaluation.outcome === 'failed') {
    state.run = 0;
    if (past) state.misses++;
  }
}

function countCompletion(state: MeasureFoldState, evaluation: PeriodEvaluation): void {
  if (evaluation.outcome !== 'met' || evaluation.metOn === null) return;
  state.totalCompletions++;
  state.lastDone = Math.max(state.lastDone, evaluation.metOn);
}

/** One day into the state: strength, skips, and the periods it closes (or today's). */
function foldDay(measure: PreparedMeasure, state: MeasureFoldState, day: number): void {
  const input = measureStrengthInput(measure, day);
  if (input) state.score = strengthStep(state.score, input);
  if (measure.skips.has(day)) state.totalSkips++;
  const settled = day < measure.habit.today;
  if (measure.period === 'day') {
    const evaluation = evaluateDay(measure, day);
    if (isScheduledDay(measure.habit, day)) countOutcome(state, evaluation, settled);
    countCompletion(state, evaluation);
    return;
  }
  const start = periodStartOf(measure.period, day);
  if (settled && day !== periodEndOf(measure.period, start)) return;
  const evaluation = evaluatePeriod(measure, start);
  countOutcome(state, evaluation, settled);
  countCompletion(state, evaluation);
}

function initialState(measure: PreparedMeasure): MeasureFoldState {
  return {
    through: measure.habit.start - 1,
    score: initialMeasureStrength(measure),
    run: 0,
    longest: 0,
    misses: 0,
    totalCompletions: 0,
    totalSkips: 0,
    lastDone: -Infinity,
  };
}

function foldSettledDays(measure: PreparedMeasure, state: MeasureFoldState, toDay: number): void {
  for (let day = Math.max(state.through + 1, measure.habit.start); day <= toDay; day++) {
    foldDay(measure, state, day);
  }
  state.through = Math.max(state.through, toDay);
}

export function checkpointMeasure(history: HabitHistory, through: LocalDate): HabitCheckpoint {
  const throughDay = toDayNumber(through);
  const measure = prepareMeasure(history, throughDay + 1);
  const state = initialState(measure);
  foldSettledDays(measure, state, throughDay);
  state.through = throughDay;
  return toCheckpoint(measure, state);
}

export function advanceMeasureCheckpoint(
  checkpoint: HabitCheckpoint,
  history: HabitHistory,
  through: LocalDate,
): HabitCheckpoint {
  const throughDay = toDayNumber(through);
  const measure = prepareMeasure(history, throughDay + 1);
  const state = toState(checkpoint);
  // A checkpoint of another period (or of the habit as a check habit) cannot be advanced.
  if (
    checkpoint.unit !== measure.period ||
    checkpoint.segmentFrom !== null ||
    throughDay < state.through ||
    state.through < measure.habit.start
  )
    return checkpointMeasure(history, through);
  foldSettledDays(measure, state, throughDay);
  return toCheckpoint(measure, state);
}

export function statsFromMeasureCheckpoint(
  checkpoint: HabitCheckpoint,
  history: HabitHistory,
  today: LocalDate,
): HabitStats {
  const todayDay = toDayNumber(today);
  const measure = prepareMeasure(history, todayDay);
  // A checkpoint from before startDate holds only the initial score, which depends on the
  // target's type: refold it (nothing to fold) rather than trust it.
  const through = toDayNumber(checkpoint.through);
  const settled =
    through === todayDay - 1 && checkpoint.unit === measure.period && through >= measure.habit.start
      ? checkpoint
      : advanceMeasureCheckpoint(checkpoint, history, fromDayNumber(todayDay - 1));
  const state = toState(settled);
  if (todayDay >= measure.habit.start) foldDay(measure, state, todayDay);
  return {
    currentStreak: state.run,
    longestStreak: state.longest,
    totalCompletions: state.totalCompletions,
    totalSkips: state.totalSkips,
    lastCompletedDate: state.lastDone === -Infinity ? null : fromDayNumber(state.lastDone),
    ...measureRecentStatsOf(measure, history),
    strength: 100 * state.score,
    consecutiveMisses: state.misses,
    status: deriveStatus(history.userStatus, state.misses),
  };
}

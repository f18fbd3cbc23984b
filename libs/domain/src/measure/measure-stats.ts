import { fromDayNumber, LocalDate } from '../calendar/local-date';
import { isDueDay, nextDueDay } from '../habit/due';
import { HabitHistory } from '../habit/habit-history';
import { isScheduledDay } from '../habit/prepared-habit';
import { ConsistencyWindow, consistencyScore, failureRate } from '../stats/consistency';
import type { HabitStats } from '../stats/habit-stats';
import { deriveStatus } from '../stats/risk';
import {
  evaluateDay,
  evaluatePeriod,
  measureOccurrences,
  PeriodEvaluation,
  PeriodOutcome,
  periodStartOf,
  periodStartsBackFrom,
  PreparedMeasure,
} from './measure-period';
import { foldMeasureStrength, initialMeasureStrength } from './measure-strength';
import { fromThousandths } from './measure-value';

/** A measurable habit's current period, as responses carry it (`period`). */
export interface MeasurePeriod {
  start: LocalDate;
  end: LocalDate;
  /** Σ values of its counted days so far. */
  total: number;
  /** The prorated target; null when no day of the period counts (neutral). */
  target: number | null;
  outcome: PeriodOutcome;
}

export function toMeasurePeriod(evaluation: PeriodEvaluation): MeasurePeriod {
  return {
    start: fromDayNumber(evaluation.start),
    end: fromDayNumber(evaluation.end),
    total: fromThousandths(evaluation.total),
    target: evaluation.target === null ? null : fromThousandths(evaluation.target),
    outcome: evaluation.outcome,
  };
}

/** The period holding today (period `day`: today, judged as a day whether due or not). */
export function currentPeriodOf(measure: PreparedMeasure): PeriodEvaluation {
  return evaluatePeriod(measure, periodStartOf(measure.period, measure.habit.today));
}

/** Past periods in consistency's window: 30 local days (day), 4 ISO weeks, 3 months. */
export const MEASURE_WINDOW_PAST = { week: 4, month: 3 } as const;
export const MEASURE_CONSISTENCY_DAYS = 30;

export interface MeasureWindow extends ConsistencyWindow {
  /** Counted days behind `expected` (period `day`: = expected): the suggestions' ≥ 7 rule. */
  occurrences: number;
}

/**
 * SPEC §6 consistency and failure rate. `day`: the due days of the 30 local days ending today
 * (clipped to startDate) that are met or failed (a failed today counts, a pending one does
 * not); `week`/`month`: the 4 past ISO weeks or 3 past months that are met or failed, plus the
 * current one if met. Score = 100 × met / (met + failed); failure rate = failed / (met + failed).
 */
export function measureWindowOf(measure: PreparedMeasure): MeasureWindow {
  const window: MeasureWindow = {
    expected: 0,
    completions: 0,
    failed: 0,
    succeeded: 0,
    occurrences: 0,
  };
  const { habit, period } = measure;
  const add = (evaluation: PeriodEvaluation, counts: boolean): void => {
    if (!counts) return;
    window.expected++;
    window.occurrences += period === 'day' ? 1 : evaluation.a;
    if (evaluation.outcome === 'met') {
      window.completions++;
      window.succeeded++;
    } else {
      window.failed++;
    }
  };
  if (period === 'day') {
    const first = Math.max(habit.start, habit.today - (MEASURE_CONSISTENCY_DAYS - 1));
    for (let day = first; day <= habit.today; day++) {
      if (!isScheduledDay(habit, day)) continue;
      const evaluation = evaluatePeriod(measure, day);
      add(evaluation, evaluation.outcome === 'met' || evaluation.outcome === 'failed');
    }
    return window;
  }
  const starts = periodStartsBackFrom(period, habit.today, MEASURE_WINDOW_PAST[period] + 1);
  for (const [index, start] of starts.entries()) {
    const evaluation = evaluatePeriod(measure, start);
    const current = index === starts.length - 1;
    add(evaluation, evaluation.outcome === 'met' || (!current && evaluation.outcome === 'failed'));
  }
  return window;
}

export interface MeasureFolds {
  currentStreak: number;
  longestStreak: number;
  consecutiveMisses: number;
  totalCompletions: number;
  totalSkips: number;
  lastCompletedDate: LocalDate | null;
}

/**
 * Streaks count met periods (failed ones break a run; neutral and pending ones are
 * transparent). Risk: failed past periods after the latest met one (a met current period
 * resets it; a failed current one waits until it is past). Totals: met periods (period `day`:
 * met days, due or logged), dated by `metOn`; skipped logs.
 */
export function measureFoldsOf(measure: PreparedMeasure): MeasureFolds {
  let run = 0;
  let longest = 0;
  let misses = 0;
  for (const occurrence of measureOccurrences(measure)) {
    if (occurrence.outcome === 'met') {
      run++;
      longest = Math.max(longest, run);
      misses = 0;
    } else if (occurrence.outcome === 'failed') {
      run = 0;
      if (occurrence.end < measure.habit.today) misses++;
    }
  }
  let totalCompletions = 0;
  let lastDone = -Infinity;
  const count = (evaluation: PeriodEvaluation): void => {
    if (evaluation.outcome !== 'met' || evaluation.metOn === null) return;
    totalCompletions++;
    lastDone = Math.max(lastDone, evaluation.metOn);
  };
  if (measure.period === 'day') {
    for (let day = measure.habit.start; day <= measure.habit.today; day++)
      count(evaluateDay(measure, day));
  } else {
    for (const occurrence of measureOccurrences(measure)) count(occurrence);
  }
  return {
    currentStreak: run,
    longestStreak: longest,
    consecutiveMisses: misses,
    totalCompletions,
    totalSkips: measure.skips.size,
    lastCompletedDate: lastDone === -Infinity ? null : fromDayNumber(lastDone),
  };
}

/** Everything cheap to recompute from the last weeks (shared by the full and incremental forms). */
export function measureRecentStatsOf(
  measure: PreparedMeasure,
  history: HabitHistory,
): Pick<
  HabitStats,
  'consistencyScore' | 'failureRate' | 'nextDueDate' | 'dueToday' | 'week' | 'streakUnit' | 'period'
> {
  const window = measureWindowOf(measure);
  const next = history.userStatus === 'active' ? nextDueDay(measure.habit) : null;
  return {
    streakUnit: measure.period,
    consistencyScore: consistencyScore(window),
    failureRate: failureRate(window),
    nextDueDate: next === null ? null : fromDayNumber(next),
    dueToday: isDueDay(measure.habit, measure.habit.today),
    week: null,
    period: toMeasurePeriod(currentPeriodOf(measure)),
  };
}

/** SPEC §6: every statistic of a measurable habit from its full history as of today. */
export function computeMeasureStats(measure: PreparedMeasure, history: HabitHistory): HabitStats {
  const folds = measureFoldsOf(measure);
  const score = foldMeasureStrength(
    measure,
    initialMeasureStrength(measure),
    measure.habit.start,
    measure.habit.today,
  );
  return {
    currentStreak: folds.currentStreak,
    longestStreak: folds.longestStreak,
    totalCompletions: folds.totalCompletions,
    totalSkips: folds.totalSkips,
    lastCompletedDate: folds.lastCompletedDate,
    ...measureRecentStatsOf(measure, history),
    strength: 100 * score,
    consecutiveMisses: folds.consecutiveMisses,
    status: deriveStatus(history.userStatus, folds.consecutiveMisses),
  };
}

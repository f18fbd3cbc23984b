import { fromDayNumber, LocalDate, toDayNumber } from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import { isScheduledDay } from '../habit/prepared-habit';
import type { PeriodTotals } from '../stats/aggregates';
import {
  evaluateDay,
  evaluatePeriod,
  measureOccurrences,
  PeriodOutcome,
  periodEndOf,
  periodStartOf,
  periodStartsBackFrom,
  PreparedMeasure,
  prepareMeasure,
} from './measure-period';
import { toMeasurePeriod } from './measure-stats';

/**
 * Met vs judged occurrences per bucket (for the weekly and monthly analytics of a measurable
 * habit), judged as consistency judges them: period `day` its met or failed due days (a failed
 * today too); `week`/`month` periods met, or failed and past, each in the bucket holding its
 * first day on/after startDate.
 */
export function measurePeriodTotals(
  measure: PreparedMeasure,
  starts: number[],
  lastDay: number,
): PeriodTotals[] {
  if (starts.length === 0) return [];
  const totals = starts.map((start) => ({
    periodStart: fromDayNumber(start),
    done: 0,
    expected: 0,
  }));
  const bucketOf = (day: number): number => {
    if (day > lastDay) return -1;
    for (let i = starts.length - 1; i >= 0; i--) if (starts[i] <= day) return i;
    return -1;
  };
  const { habit } = measure;
  const count = (day: number, outcome: PeriodOutcome, past: boolean): void => {
    const index = bucketOf(day);
    if (index < 0) return;
    if (outcome === 'met') {
      totals[index].done++;
      totals[index].expected++;
    } else if (outcome === 'failed' && past) {
      totals[index].expected++;
    }
  };
  if (measure.period === 'day') {
    for (let day = Math.max(starts[0], habit.start); day <= Math.min(lastDay, habit.today); day++) {
      if (isScheduledDay(habit, day)) count(day, evaluatePeriod(measure, day).outcome, true);
    }
    return totals;
  }
  for (const evaluation of measureOccurrences(measure)) {
    count(
      Math.max(evaluation.start, habit.start),
      evaluation.outcome,
      evaluation.end < habit.today,
    );
  }
  return totals;
}

export function weeklyMeasureTotals(
  history: HabitHistory,
  today: LocalDate,
  weeks: number,
): PeriodTotals[] {
  const measure = prepareMeasure(history, toDayNumber(today));
  const starts = periodStartsBackFrom('week', measure.habit.today, weeks);
  return measurePeriodTotals(measure, starts, starts[starts.length - 1] + 6);
}

export function monthlyMeasureTotals(
  history: HabitHistory,
  today: LocalDate,
  months: number,
): PeriodTotals[] {
  const measure = prepareMeasure(history, toDayNumber(today));
  const starts = periodStartsBackFrom('month', measure.habit.today, months);
  return measurePeriodTotals(measure, starts, periodEndOf('month', starts[starts.length - 1]));
}

/** One point of a measurable habit's chart: a period's total against its (prorated) target. */
export interface MeasurePoint {
  start: LocalDate;
  end: LocalDate;
  total: number;
  target: number | null;
  outcome: PeriodOutcome;
}

/**
 * The periods of a measurable habit that intersect [from, to], oldest first, as of `today`
 * (for the detail page's chart of values per day, week or month against the target line).
 * Period `day`: every day, judged as the heatmap judges it (non-due days neutral unless met).
 */
export function measureSeries(
  history: HabitHistory,
  today: LocalDate,
  from: LocalDate,
  to: LocalDate,
): MeasurePoint[] {
  const measure = prepareMeasure(history, toDayNumber(today));
  const points: MeasurePoint[] = [];
  const last = toDayNumber(to);
  for (
    let start = periodStartOf(measure.period, toDayNumber(from));
    start <= last;
    start = periodEndOf(measure.period, start) + 1
  ) {
    points.push(
      toMeasurePeriod(
        measure.period === 'day' ? evaluateDay(measure, start) : evaluatePeriod(measure, start),
      ),
    );
  }
  return points;
}

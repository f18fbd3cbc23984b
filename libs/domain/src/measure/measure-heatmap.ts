import { fromDayNumber } from '../calendar/local-date';
import type { HeatmapDay, HeatmapStatus } from '../stats/heatmap';
import { evaluatePeriodOf, isPaused, PeriodOutcome, PreparedMeasure } from './measure-period';
import { fromThousandths } from './measure-value';

const STATUS_OF: Record<PeriodOutcome, HeatmapStatus> = {
  met: 'done',
  failed: 'missed',
  pending: 'pending',
  neutral: 'not_due',
};

/**
 * total ÷ target capped to 0–1, floored to 4 decimals (so 1 means reached); target 0: 0 while
 * nothing was logged, else 1. Null without a target.
 */
export function progressOf(total: number, target: number | null): number | null {
  if (target === null) return null;
  if (total >= target) return target === 0 && total === 0 ? 0 : 1;
  return Math.min(9999, Math.floor((10000 * total) / target)) / 10000;
}

/**
 * One cell of a measurable habit: `value` is the day's own value (null unlogged or skipped),
 * `progress` its period's total ÷ target (period `day`: the day's). Status: before startDate
 * `not_due`, paused `paused`, skipped `skipped`; else the period's outcome (met → done,
 * failed → missed, pending, neutral → not_due). Period `day` follows the schedule: a non-due
 * day is `done` only when its value met the target, else `not_due` (progress null unlogged).
 */
export function measureHeatmapDay(measure: PreparedMeasure, day: number): HeatmapDay {
  const date = fromDayNumber(day);
  const raw = measure.values.get(day);
  const value = raw === undefined ? null : fromThousandths(raw);
  if (day < measure.habit.start) return { date, status: 'not_due', value, progress: null };
  if (isPaused(measure, day)) return { date, status: 'paused', value, progress: null };
  if (measure.skips.has(day)) return { date, status: 'skipped', value: null, progress: null };
  const evaluation = evaluatePeriodOf(measure, day);
  const progress =
    evaluation.outcome === 'neutral' && raw === undefined
      ? null
      : progressOf(evaluation.total, evaluation.target);
  return { date, status: STATUS_OF[evaluation.outcome], value, progress };
}

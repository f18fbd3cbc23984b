import { isScheduledDay } from '../habit/prepared-habit';
import { StrengthInput, strengthStep } from '../stats/strength';
import { evaluatePeriod, isCountedDay, PreparedMeasure } from './measure-period';

/** Loop's f per period: updated on due days (day), or every day with f = 1/7 (week) or 1/30 (month). */
const FREQUENCY = { day: 1, week: 1 / 7, month: 1 / 30 } as const;
const WINDOW_DAYS = { day: 1, week: 7, month: 30 } as const;

/**
 * Loop's numerical value v of a sum S against a target T (thousandths): `at_least` min(1, S ÷ T);
 * `at_most` clamp(1 − (S − T) ÷ T, 0, 1), and for T = 0: 1 if S = 0 else 0.
 */
export function measureStrengthValue(
  type: 'at_least' | 'at_most',
  sum: number,
  target: number,
): number {
  if (type === 'at_least') return Math.min(1, sum / target);
  if (target === 0) return sum === 0 ? 1 : 0;
  return Math.min(1, Math.max(0, 1 - (sum - target) / target));
}

/** The score before the first update: 0 for `at_least`, 1 for `at_most` (SPEC §6). */
export function initialMeasureStrength(measure: PreparedMeasure): number {
  return measure.type === 'at_least' ? 0 : 1;
}

/**
 * SPEC §6 strength, one day's input (null: the score stays). Period `day`: due days up to today,
 * S = the day's value, except a pending today; `week`/`month`: every day up to today, S = the
 * total of the 7 or 30 days ending that day (counted days only), against the full target.
 * Skipped and paused days, and days before startDate, leave it unchanged.
 */
export function measureStrengthInput(measure: PreparedMeasure, day: number): StrengthInput | null {
  const { habit, period } = measure;
  if (day > habit.today || !isCountedDay(measure, day)) return null;
  let sum = 0;
  if (period === 'day') {
    if (!isScheduledDay(habit, day) || evaluatePeriod(measure, day).outcome === 'pending')
      return null;
    sum = measure.values.get(day) ?? 0;
  } else {
    for (let d = Math.max(habit.start, day - WINDOW_DAYS[period] + 1); d <= day; d++) {
      if (isCountedDay(measure, d)) sum += measure.values.get(d) ?? 0;
    }
  }
  return {
    value: measureStrengthValue(measure.type, sum, measure.target),
    frequency: FREQUENCY[period],
  };
}

/** The strength score (0–1) after folding the days fromDay … toDay into `score`. */
export function foldMeasureStrength(
  measure: PreparedMeasure,
  score: number,
  fromDay: number,
  toDay: number,
): number {
  for (let day = Math.max(fromDay, measure.habit.start); day <= toDay; day++) {
    const input = measureStrengthInput(measure, day);
    if (input) score = strengthStep(score, input);
  }
  return score;
}

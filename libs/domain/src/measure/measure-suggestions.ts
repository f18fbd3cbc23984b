import type { Suggestion, SuggestionContext } from '../suggestions/suggestion';
import { measureTargetOf } from './measure-period';
import { MeasureTarget, targetText } from './measure-target';
import { fromThousandths, MAX_MEASURE_VALUE, toThousandths } from './measure-value';

/**
 * A target value moved by `percent` (−20, +20, +10, −10) and rounded half-up to 2 significant
 * digits, then to 3 decimals; null when that leaves it unchanged, not above 0 for `at_least`,
 * or beyond MAX_MEASURE_VALUE. Exact integer math: 8 × 0.8 is 6.4, 95 × 1.1 is 100.
 */
export function movedTargetValue(
  value: number,
  percent: number,
  type: MeasureTarget['type'],
): number | null {
  // In hundred-thousandths: thousandths × (100 + percent) / 100 thousandths.
  let scaled = toThousandths(value) * (100 + percent);
  const digits = String(scaled).length;
  if (digits > 2) {
    const unit = 10 ** (digits - 2);
    scaled = Math.floor((scaled + unit / 2) / unit) * unit;
  }
  const thousandths = Math.floor((scaled + 50) / 100);
  const moved = fromThousandths(thousandths);
  if (moved === value || moved > MAX_MEASURE_VALUE) return null;
  if (type === 'at_least' && moved <= 0) return null;
  return moved;
}

/** reduce_frequency for a measurable habit: `at_least` target −20 %, `at_most` +20 %. */
export function reduceTargetRule({ stats, history }: SuggestionContext): Suggestion | null {
  if (stats.failureRate === null || stats.failureRate <= 0.5) return null;
  const target = measureTargetOf(history);
  const value = movedTargetValue(target.value, target.type === 'at_least' ? -20 : 20, target.type);
  if (value === null) return null;
  const moved = { ...target, value };
  const text = targetText(moved, history.unit ?? '');
  const message =
    target.type === 'at_least'
      ? `You fall short of this target more often than you reach it: try ${text} for now.`
      : `You go over this limit more often than not: try ${text} for now.`;
  return { type: 'reduce_frequency', message, change: { target: moved }, suggestedFrequency: text };
}

/** level_up for a measurable habit: the target moves 10 % (`at_least` up, `at_most` down). */
export function raiseTargetRule({ stats, history }: SuggestionContext): Suggestion | null {
  const target = measureTargetOf(history);
  const value = movedTargetValue(target.value, target.type === 'at_least' ? 10 : -10, target.type);
  if (value === null) {
    return {
      type: 'level_up',
      message: `${stats.consistencyScore}% consistent at the strictest target. Keep it up!`,
      change: null,
    };
  }
  const moved = { ...target, value };
  return {
    type: 'level_up',
    message: `${stats.consistencyScore}% consistent: ready for ${targetText(moved, history.unit ?? '')}?`,
    change: { target: moved },
  };
}

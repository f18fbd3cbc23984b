// Measured values are decimals with at most 3 decimals (stored exactly, e.g. numeric(12,3)).
// The engine holds them as integer thousandths, so sums and comparisons never drift
// (0.1 + 0.2 is 0.3 here, in any order); it converts at the edges only.

/** The largest value a log, an add or a target may hold (numeric(12,3)). */
export const MAX_MEASURE_VALUE = 999_999_999.999;
const MAX_THOUSANDTHS = 999_999_999_999;

/**
 * Whether a number has at most 3 decimals, judged exactly: it must be the very number that
 * its 3-decimal rounding parses to (so 1.005 passes and 0.30000000000000004 does not).
 */
export function hasAtMostThreeDecimals(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return Math.round(value * 1000) / 1000 === value;
}

/** A value a log may carry: a finite number 0 … MAX_MEASURE_VALUE with at most 3 decimals. */
export function isMeasureValue(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    hasAtMostThreeDecimals(value) &&
    value >= 0 &&
    value <= MAX_MEASURE_VALUE
  );
}

/** A value as integer thousandths (assumes at most 3 decimals). */
export function toThousandths(value: number): number {
  return Math.round(value * 1000);
}

/** Integer thousandths as the nearest number (the one `12.345` parses to). */
export function fromThousandths(thousandths: number): number {
  return thousandths / 1000;
}

/**
 * A day's value after `add` (an atomic quick-add): the exact decimal sum, or null when it would
 * pass MAX_MEASURE_VALUE. A day without a value (or skipped) adds to 0.
 */
export function addMeasureValues(current: number | null, add: number): number | null {
  const sum = toThousandths(current ?? 0) + toThousandths(add);
  return sum > MAX_THOUSANDTHS ? null : fromThousandths(sum);
}

/**
 * SPEC §6 proration: target × a / n kept to 3 decimals, rounded up for `at_least` and down for
 * `at_most` (in thousandths, integer math).
 */
export function prorateThousandths(
  target: number,
  a: number,
  n: number,
  type: 'at_least' | 'at_most',
): number {
  return type === 'at_least' ? Math.floor((target * a + n - 1) / n) : Math.floor((target * a) / n);
}

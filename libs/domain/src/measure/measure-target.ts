import { FieldError } from '../errors';
import { ScheduleInput } from '../schedule/schedule';
import { hasAtMostThreeDecimals, MAX_MEASURE_VALUE } from './measure-value';

/** SPEC §6: `check` (done/skipped/missed, the default) or `measure` (values toward a target). */
export type HabitKind = 'check' | 'measure';
export const HABIT_KINDS: readonly HabitKind[] = ['check', 'measure'];

export type TargetType = 'at_least' | 'at_most';
export const TARGET_TYPES: readonly TargetType[] = ['at_least', 'at_most'];

/** `day` follows the daily/custom schedule; `week` is an ISO week, `month` a calendar month. */
export type TargetPeriod = 'day' | 'week' | 'month';
export const TARGET_PERIODS: readonly TargetPeriod[] = ['day', 'week', 'month'];

/** A measurable habit's target: `value` > 0 (`at_most` may be 0), at most 3 decimals. */
export interface MeasureTarget {
  type: TargetType;
  value: number;
  period: TargetPeriod;
}

export const UNIT_MAX_LENGTH = 20;

/** What a client sends about a habit's kind (unknown: validated here, not trusted). */
export interface MeasureDefinitionInput {
  kind?: unknown;
  unit?: unknown;
  target?: unknown;
}

/** A validated definition: `unit` trimmed; null unit and target for a check habit. */
export interface MeasureDefinition {
  kind: HabitKind;
  unit: string | null;
  target: MeasureTarget | null;
}

const isSet = (value: unknown): boolean => value !== null && value !== undefined;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The broken rules of SPEC §6 "Measurable habits" for a habit's kind, unit and target together
 * with the schedule it will have, as coded field errors (empty when valid): a check habit has
 * no unit or target; a measurable one has a unit of 1–20 characters (trimmed; counted in code
 * points) and a target {type, value, period}; `weekly` frequency is refused; periods `week` and
 * `month` need `daily` frequency. Call beside `validateSchedule`, on the merged (PATCHed) habit.
 */
export function validateMeasureDefinition(
  input: MeasureDefinitionInput,
  schedule: ScheduleInput,
): FieldError[] {
  const kind = input.kind ?? 'check';
  if (!HABIT_KINDS.includes(kind as HabitKind)) {
    return [{ code: 'KIND_INVALID', path: 'kind', message: 'kind must be check or measure.' }];
  }
  const errors: FieldError[] = [];
  if (kind === 'check') {
    if (isSet(input.unit)) {
      errors.push({
        code: 'UNIT_NOT_ALLOWED',
        path: 'unit',
        message: 'unit is only for measurable habits.',
      });
    }
    if (isSet(input.target)) {
      errors.push({
        code: 'TARGET_NOT_ALLOWED',
        path: 'target',
        message: 'target is only for measurable habits.',
      });
    }
    return errors;
  }

  const unit = typeof input.unit === 'string' ? input.unit.trim() : null;
  if (unit === null || unit.length === 0 || [...unit].length > UNIT_MAX_LENGTH) {
    errors.push({
      code: 'UNIT_INVALID',
      path: 'unit',
      message: `A measurable habit needs a unit of 1–${UNIT_MAX_LENGTH} characters.`,
    });
  }
  if (schedule.frequency === 'weekly') {
    errors.push({
      code: 'MEASURE_WEEKLY_NOT_ALLOWED',
      path: 'frequency',
      message: 'A measurable habit cannot have a weekly frequency: use a week target instead.',
    });
  }
  if (!isObject(input.target)) {
    errors.push({
      code: 'TARGET_INVALID',
      path: 'target',
      message: 'A measurable habit needs a target {type, value, period}.',
    });
    return errors;
  }
  const { type, value, period } = input.target;
  const typeOk = TARGET_TYPES.includes(type as TargetType);
  if (!typeOk) {
    errors.push({
      code: 'TARGET_TYPE_INVALID',
      path: 'target.type',
      message: 'target.type must be at_least or at_most.',
    });
  }
  const minimumOk = typeof value === 'number' && (type === 'at_most' ? value >= 0 : value > 0);
  if (
    typeof value !== 'number' ||
    !hasAtMostThreeDecimals(value) ||
    value > MAX_MEASURE_VALUE ||
    (typeOk && !minimumOk) ||
    value < 0
  ) {
    errors.push({
      code: 'TARGET_VALUE_INVALID',
      path: 'target.value',
      message:
        'target.value must be a number with at most 3 decimals, above 0 (at_most: 0 or more).',
    });
  }
  if (!TARGET_PERIODS.includes(period as TargetPeriod)) {
    errors.push({
      code: 'TARGET_PERIOD_INVALID',
      path: 'target.period',
      message: 'target.period must be day, week or month.',
    });
  } else if (period !== 'day' && schedule.frequency === 'custom') {
    errors.push({
      code: 'TARGET_PERIOD_NEEDS_DAILY',
      path: 'target.period',
      message: 'A week or month target needs daily frequency (every day may count).',
    });
  }
  return errors;
}

/** The definition as stored (call after `validateMeasureDefinition` found nothing). */
export function normalizeMeasureDefinition(input: MeasureDefinitionInput): MeasureDefinition {
  if ((input.kind ?? 'check') === 'check') return { kind: 'check', unit: null, target: null };
  const target = input.target as MeasureTarget;
  return {
    kind: 'measure',
    unit: (input.unit as string).trim(),
    target: { type: target.type, value: target.value, period: target.period },
  };
}

const PERIOD_WORDS: Record<TargetPeriod, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
};

/** "at least 8 glasses a day", "at most 2 coffees a day", "at least 20 km a week". */
export function targetText(target: MeasureTarget, unit: string): string {
  const type = target.type === 'at_least' ? 'at least' : 'at most';
  return `${type} ${String(target.value)} ${unit} ${PERIOD_WORDS[target.period]}`;
}

import { FieldError } from '../errors';
import { HabitKind } from './measure-target';
import { hasAtMostThreeDecimals, isMeasureValue, MAX_MEASURE_VALUE } from './measure-value';

/** What a client sends to log a day (unknown: validated here, not trusted). */
export interface LogInput {
  status?: unknown;
  value?: unknown;
  add?: unknown;
}

const isSet = (value: unknown): boolean => value !== null && value !== undefined;

/**
 * SPEC §6 log rules by the habit's kind, as coded field errors (empty when valid). A check
 * habit refuses `value` and `add` (its status is validated as before). A measurable habit
 * takes exactly one of: `value` (0 … MAX_MEASURE_VALUE, at most 3 decimals), `add` (above 0,
 * at most 3 decimals: a quick tap) or `status: skipped`; it refuses `done` and `missed`.
 */
export function validateLogInput(kind: HabitKind, input: LogInput): FieldError[] {
  const { status, value, add } = input;
  if (kind === 'check') {
    const errors: FieldError[] = [];
    for (const path of ['value', 'add'] as const) {
      if (isSet(input[path])) {
        errors.push({
          code: 'LOG_VALUE_NOT_ALLOWED',
          path,
          message: `A check habit is logged with a status, not a ${path}.`,
        });
      }
    }
    return errors;
  }

  if (isSet(status) && status !== 'skipped') {
    return [
      {
        code: 'LOG_STATUS_NOT_ALLOWED',
        path: 'status',
        message: 'A measurable habit is logged with a value (or skipped), not done or missed.',
      },
    ];
  }
  const given = [isSet(value), isSet(add), status === 'skipped'].filter(Boolean).length;
  if (given === 0) {
    return [
      {
        code: 'LOG_VALUE_REQUIRED',
        path: 'value',
        message: 'A measurable habit needs a value, an add, or status skipped.',
      },
    ];
  }
  if (given > 1) {
    return [
      {
        code: 'LOG_VALUE_CONFLICT',
        path: isSet(add) ? 'add' : 'value',
        message: 'Send exactly one of value, add and status skipped.',
      },
    ];
  }
  if (isSet(value) && !isMeasureValue(value)) {
    return [
      {
        code: 'LOG_VALUE_INVALID',
        path: 'value',
        message: `value must be a number 0–${MAX_MEASURE_VALUE} with at most 3 decimals.`,
      },
    ];
  }
  if (
    isSet(add) &&
    (typeof add !== 'number' || !hasAtMostThreeDecimals(add) || add <= 0 || add > MAX_MEASURE_VALUE)
  ) {
    return [
      {
        code: 'LOG_ADD_INVALID',
        path: 'add',
        message: 'add must be a number above 0 with at most 3 decimals.',
      },
    ];
  }
  return [];
}

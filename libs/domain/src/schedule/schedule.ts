import { LocalDate } from '../calendar/local-date';
import { FieldError } from '../errors';

export type Frequency = 'daily' | 'weekly' | 'custom';
export const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'custom'];

/** A schedule as a client sends it (fields not used by the frequency must be null or absent). */
export interface ScheduleInput {
  frequency: Frequency;
  timesPerWeek?: number | null;
  daysOfWeek?: number[] | null;
  intervalDays?: number | null;
}

/** A normalised schedule: every field present, weekdays sorted. */
export interface Schedule {
  frequency: Frequency;
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
}

/**
 * One entry of a habit's schedule history. It is in force from `effectiveFrom` (the user's
 * today at the edit) until the next entry; the first entry is also in force before its
 * `effectiveFrom` (a backdated startDate). An every-N-days cycle counts from `effectiveFrom`.
 */
export interface ScheduleVersion extends Schedule {
  effectiveFrom: LocalDate;
}

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);
const isSet = (value: unknown): boolean => value !== null && value !== undefined;

/**
 * The broken schedule rules of SPEC §3 "Schedules", as coded field errors (empty when valid):
 * weekly needs timesPerWeek 1–7; custom needs exactly one of daysOfWeek (distinct ISO
 * weekdays 1–7, at least one) and intervalDays (2–365); fields a frequency does not use must
 * be null.
 */
export function validateSchedule(input: ScheduleInput): FieldError[] {
  const errors: FieldError[] = [];
  const { frequency, timesPerWeek, daysOfWeek, intervalDays } = input;
  if (!FREQUENCIES.includes(frequency)) {
    return [
      {
        code: 'FREQUENCY_INVALID',
        path: 'frequency',
        message: 'frequency must be daily, weekly or custom.',
      },
    ];
  }

  if (frequency === 'weekly') {
    if (!isInt(timesPerWeek) || timesPerWeek < 1 || timesPerWeek > 7) {
      errors.push({
        code: 'TIMES_PER_WEEK_INVALID',
        path: 'timesPerWeek',
        message: 'A weekly habit needs timesPerWeek, an integer 1–7.',
      });
    }
  } else if (isSet(timesPerWeek)) {
    errors.push({
      code: 'TIMES_PER_WEEK_NOT_ALLOWED',
      path: 'timesPerWeek',
      message: 'timesPerWeek is only for weekly habits.',
    });
  }

  if (frequency === 'custom') {
    if (isSet(daysOfWeek) === isSet(intervalDays)) {
      errors.push({
        code: 'CUSTOM_SCHEDULE_AMBIGUOUS',
        path: isSet(daysOfWeek) ? 'intervalDays' : 'daysOfWeek',
        message: 'A custom habit needs exactly one of daysOfWeek and intervalDays.',
      });
    }
    if (isSet(daysOfWeek)) errors.push(...validateDaysOfWeek(daysOfWeek));
    if (isSet(intervalDays) && (!isInt(intervalDays) || intervalDays < 2 || intervalDays > 365)) {
      errors.push({
        code: 'INTERVAL_DAYS_INVALID',
        path: 'intervalDays',
        message: 'intervalDays must be an integer 2–365.',
      });
    }
  } else {
    if (isSet(daysOfWeek)) {
      errors.push({
        code: 'DAYS_OF_WEEK_NOT_ALLOWED',
        path: 'daysOfWeek',
        message: 'daysOfWeek is only for custom habits.',
      });
    }
    if (isSet(intervalDays)) {
      errors.push({
        code: 'INTERVAL_DAYS_NOT_ALLOWED',
        path: 'intervalDays',
        message: 'intervalDays is only for custom habits.',
      });
    }
  }
  return errors;
}

function validateDaysOfWeek(daysOfWeek: unknown): FieldError[] {
  if (!Array.isArray(daysOfWeek) || daysOfWeek.length === 0) {
    return [
      {
        code: 'DAYS_OF_WEEK_INVALID',
        path: 'daysOfWeek',
        message: 'daysOfWeek needs at least one weekday.',
      },
    ];
  }
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  daysOfWeek.forEach((day: unknown, index) => {
    if (!isInt(day) || day < 1 || day > 7) {
      errors.push({
        code: 'DAYS_OF_WEEK_INVALID',
        path: `daysOfWeek[${index}]`,
        message: 'A weekday is an integer 1 (Monday) – 7 (Sunday).',
      });
    } else if (seen.has(day)) {
      errors.push({
        code: 'DAYS_OF_WEEK_INVALID',
        path: `daysOfWeek[${index}]`,
        message: 'Weekdays must be distinct.',
      });
    }
    if (isInt(day)) seen.add(day);
  });
  return errors;
}

/** The schedule with every field present and weekdays sorted (call after validateSchedule). */
export function normalizeSchedule(input: ScheduleInput): Schedule {
  return {
    frequency: input.frequency,
    timesPerWeek: input.frequency === 'weekly' ? (input.timesPerWeek ?? null) : null,
    daysOfWeek:
      input.frequency === 'custom' && input.daysOfWeek
        ? [...input.daysOfWeek].sort((a, b) => a - b)
        : null,
    intervalDays: input.frequency === 'custom' ? (input.intervalDays ?? null) : null,
  };
}

/**
 * Day-based (daily/custom) or weekly: switching between the two starts a new current streak.
 * A measurable habit's unit is its target's period (`month` only there).
 */
export type StreakUnit = 'day' | 'week' | 'month';

export function streakUnitOf(frequency: Frequency): StreakUnit {
  return frequency === 'weekly' ? 'week' : 'day';
}

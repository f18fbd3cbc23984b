import { addDays, isValidLocalDate, LocalDate } from '../calendar/local-date';
import { DomainError, FieldError } from '../errors';

/** Days `from`..`to` (inclusive) are paused; `to` null means open-ended. */
export interface PausePeriod {
  from: LocalDate;
  to: LocalDate | null;
}

export const MAX_PAUSE_PERIODS = 100;

/** The status a client may set; `at_risk` is derived and never set. */
export type UserStatus = 'active' | 'paused' | 'archived';
export type HabitStatus = UserStatus | 'at_risk';
const USER_STATUSES: readonly string[] = ['active', 'paused', 'archived'];

/** Returns the status a client asked for, or throws STATUS_NOT_SETTABLE (`at_risk` included). */
export function parseUserStatus(value: unknown): UserStatus {
  if (typeof value === 'string' && USER_STATUSES.includes(value)) return value as UserStatus;
  throw new DomainError('STATUS_NOT_SETTABLE', 'status must be active, paused or archived.', [
    {
      code: 'STATUS_NOT_SETTABLE',
      path: 'status',
      message: 'status must be active, paused or archived.',
    },
  ]);
}

/**
 * Sorted periods with overlapping or adjacent ones merged (an open period absorbs every later
 * one). Assumes each period has `to` null or ≥ `from`.
 */
export function mergePauses(pauses: readonly PausePeriod[]): PausePeriod[] {
  const sorted = [...pauses].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: PausePeriod[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || pause.from <= addDays(last.to, 1))) {
      if (last.to !== null && (pause.to === null || pause.to > last.to)) last.to = pause.to;
    } else {
      merged.push({ from: pause.from, to: pause.to });
    }
  }
  return merged;
}

/** Validates a client's `pausePeriods` and returns them merged, or the broken rules. */
export function validatePausePeriods(pauses: readonly PausePeriod[]): {
  pauses: PausePeriod[];
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  pauses.forEach((pause, index) => {
    const fromOk = isValidLocalDate(pause.from);
    const toOk = pause.to === null || isValidLocalDate(pause.to);
    if (!fromOk || !toOk || (pause.to !== null && pause.to < pause.from)) {
      errors.push({
        code: 'PAUSE_PERIOD_INVALID',
        path: `pausePeriods[${index}]`,
        message: 'A pause period needs dates with `to` null or on/after `from`.',
      });
    }
  });
  if (errors.length > 0) return { pauses: [], errors };
  const merged = mergePauses(pauses);
  if (merged.length > MAX_PAUSE_PERIODS) {
    errors.push({
      code: 'TOO_MANY_PAUSE_PERIODS',
      path: 'pausePeriods',
      message: `A habit has at most ${MAX_PAUSE_PERIODS} pause periods.`,
    });
  }
  return { pauses: errors.length ? [] : merged, errors };
}

/**
 * SPEC §3 "Pauses and status": going to `paused`/`archived` opens a pause from today; going
 * back to `active` closes the open pause with `to` = yesterday, or removes it when it started
 * today. Moving between `paused` and `archived` keeps the open pause.
 */
export function applyStatusChange(
  pauses: readonly PausePeriod[],
  currentStatus: UserStatus,
  newStatus: UserStatus,
  today: LocalDate,
): PausePeriod[] {
  const merged = mergePauses(pauses);
  if (newStatus === currentStatus) return merged;
  if (newStatus === 'active') {
    const open = merged.find((pause) => pause.to === null);
    if (!open) return merged;
    if (open.from >= today) return merged.filter((pause) => pause !== open);
    open.to = addDays(today, -1);
    return merged;
  }
  if (currentStatus !== 'active' && merged.some((pause) => pause.to === null)) return merged;
  const result = mergePauses([...merged, { from: today, to: null }]);
  if (result.length > MAX_PAUSE_PERIODS) {
    throw new DomainError(
      'TOO_MANY_PAUSE_PERIODS',
      `A habit has at most ${MAX_PAUSE_PERIODS} pause periods.`,
    );
  }
  return result;
}

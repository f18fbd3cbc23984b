import { DomainError } from '../errors';
import { addDays, LocalDate, toDayNumber } from './local-date';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** True when `Intl.DateTimeFormat` accepts the IANA zone (the SPEC's validation rule). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** True for an integer hour 0–23. */
export function isValidDayStartHour(hour: unknown): hour is number {
  return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23;
}

// Building a formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (!isValidTimeZone(timeZone)) {
      throw new DomainError('INVALID_TIME_ZONE', `${timeZone} is not an IANA time zone.`);
    }
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time of an instant in a zone. */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function assertDayStartHour(dayStartHour: number): void {
  if (!isValidDayStartHour(dayStartHour)) {
    throw new DomainError('INVALID_DAY_START_HOUR', 'dayStartHour must be an integer 0–23.');
  }
}

/**
 * The user's day of an instant: the wall-clock date in the zone, or the previous date when
 * the wall-clock hour is before `dayStartHour`.
 */
export function userDayOf(instant: Date, timeZone: string, dayStartHour: number): LocalDate {
  assertDayStartHour(dayStartHour);
  const wall = wallClockOf(instant, timeZone);
  return wall.hour < dayStartHour ? addDays(wall.date, -1) : wall.date;
}

/** The wall clock read as if it were UTC, in ms, minus the instant: the zone's offset then. */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const wall = wallClockOf(new Date(wholeSecond), timeZone);
  const wallMs =
    toDayNumber(wall.date) * DAY_MS +
    wall.hour * HOUR_MS +
    wall.minute * 60_000 +
    wall.second * 1000;
  return wallMs - wholeSecond;
}

/**
 * The instant the user's next day begins: the next date at `dayStartHour`:00 wall-clock time.
 * In a DST overlap that wall time happens twice and the first one counts; in a DST gap (or a
 * skipped date, as Kiritimati's 1994-12-31) it never happens, and the day begins at the first
 * instant whose user day is later than the current one, i.e. at the jump.
 */
export function nextDayStart(instant: Date, timeZone: string, dayStartHour: number): Date {
  const today = userDayOf(instant, timeZone, dayStartHour);
  const targetWallMs = toDayNumber(addDays(today, 1)) * DAY_MS + dayStartHour * HOUR_MS;
  const offsets = new Set([
    offsetAt(targetWallMs - 15 * HOUR_MS, timeZone),
    offsetAt(targetWallMs + 15 * HOUR_MS, timeZone),
  ]);
  const exact = [...offsets]
    .map((offset) => targetWallMs - offset)
    .filter((ms) => ms > instant.getTime() && offsetAt(ms, timeZone) === targetWallMs - ms)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]);

  // A gap: search the first instant whose user day is after today (user days only move forward
  // across a gap, so the predicate is monotone on this range).
  let low = instant.getTime();
  let high = targetWallMs + 15 * HOUR_MS;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (userDayOf(new Date(mid), timeZone, dayStartHour) > today) high = mid;
    else low = mid;
  }
  return new Date(high);
}

import { addDays, diffDays, formatDayLabel } from './local-dates';

/** The API's rule: a habit starts at most a year after today (libs/habits MAX_START_DAYS_AHEAD). */
export const MAX_START_DAYS_AHEAD = 365;

/** The latest start date the API accepts, or null while today is unknown (''). */
export function latestStartDate(today: string): string | null {
  return today ? addDays(today, MAX_START_DAYS_AHEAD) : null;
}

/**
 * What a start date means, before it surprises anyone: a future start shows from then; moving
 * the start back makes the days in between missed until they are logged. Null otherwise.
 */
export function startDateHint(
  start: string,
  today: string,
  savedStart: string | null,
): string | null {
  const latest = latestStartDate(today);
  if (!start || !today || start > (latest ?? start)) return null;
  if (start > today) {
    return `Starts on ${formatDayLabel(start)}: it shows on Today from then.`;
  }
  if (!savedStart || start >= savedStart) return null;
  const until = addDays(savedStart < today ? savedStart : today, -1);
  const days = diffDays(until, start) + 1;
  if (days <= 0) return null;
  return (
    `The ${days === 1 ? 'day' : `${days} days`} from ${formatDayLabel(start)} to ` +
    `${formatDayLabel(until)} will count as missed until you log them: tap them on the ` +
    `habit's page to mark them done or skipped.`
  );
}

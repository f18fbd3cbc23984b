/** Local dates (`YYYY-MM-DD`, the user's days) as UTC midnights, so no zone ever shifts them. */
export function parseLocalDate(localDate: string): Date {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(localDate: string, days: number): string {
  const date = parseLocalDate(localDate);
  date.setUTCDate(date.getUTCDate() + days);
  return formatIsoDate(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(to: string, from: string): number {
  return Math.round((parseLocalDate(to).getTime() - parseLocalDate(from).getTime()) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  return ((parseLocalDate(localDate).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week holding `localDate`. */
export function mondayOf(localDate: string): string {
  return addDays(localDate, 1 - isoWeekday(localDate));
}

// Made once: a formatter costs far more to build than to use (a year grid labels 371 days).
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "Tue 10 Mar 2026" (British order, English words: the app's language). */
export function formatDayLabel(localDate: string): string {
  const parts = DAY_LABEL.formatToParts(parseLocalDate(localDate));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "10 Mar" */
export function formatShortDate(localDate: string): string {
  return SHORT_DATE.format(parseLocalDate(localDate));
}

/** `2026-11-25` → "Wednesday, 25 November" in the browser's language (the date is the user's day). */
export function formatLocalDate(localDate: string, locale?: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** Milliseconds until the user's next day starts (a little after, so the server agrees). */
export function delayUntilNextDay(nextDayStartsAt: string, now: number = Date.now()): number {
  const MARGIN_MS = 1_000;
  // setTimeout holds at most ~24.8 days; a day start is never that far, but stay in range.
  const MAX_DELAY_MS = 2 ** 31 - 1;
  const delay = Date.parse(nextDayStartsAt) - now + MARGIN_MS;
  return Math.min(MAX_DELAY_MS, Math.max(MARGIN_MS, Number.isNaN(delay) ? MARGIN_MS : delay));
}

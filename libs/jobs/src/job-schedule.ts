import type { JobName } from '@app/contracts';

/** Every job runs hourly at minute 0, in this order when they fall together. */
export const HOURLY_CRON = '0 * * * *';
export const JOB_ORDER: readonly JobName[] = ['day_rollover', 'risk_detection', 'nudges'];
/** Retries of a failed run: attempts and the first backoff (doubling each time). */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 5_000;

/** Milliseconds from `now` to the next top of the hour. */
export function msToNextHour(now: Date): number {
  const next = new Date(now);
  next.setUTCMinutes(60, 0, 0);
  return next.getTime() - now.getTime();
}

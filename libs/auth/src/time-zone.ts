import { AppError } from '@app/common';
import { isValidTimeZone } from '@app/domain';

/**
 * The zone as Intl names it (`europe/paris` → `Europe/Paris`), or a 400 INVALID_TIME_ZONE when
 * `Intl.DateTimeFormat` refuses it (SPEC.md §3; `UTC` is accepted).
 */
export function canonicalTimeZone(timeZone: string, path = 'timezone'): string {
  if (!isValidTimeZone(timeZone)) {
    const message = `${timeZone} is not an IANA time zone.`;
    throw AppError.badRequest('INVALID_TIME_ZONE', message, {
      fields: [{ path, code: 'INVALID_TIME_ZONE', message }],
    });
  }
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

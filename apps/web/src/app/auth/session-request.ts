import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks the requests that manage the session itself (sign-in, sign-up, refresh, sign-out): the
 * interceptor neither attaches the access token to them nor answers their 401 with a refresh.
 */
export const SESSION_REQUEST = new HttpContextToken<boolean>(() => false);

export function sessionRequestContext(): HttpContext {
  return new HttpContext().set(SESSION_REQUEST, true);
}

/** The refresh cookie is only honoured with this header (it stops cross-site requests). */
export const REFRESH_CSRF_HEADER = { 'X-Requested-With': 'habit-tracker' } as const;

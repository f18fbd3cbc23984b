import { HttpErrorResponse } from '@angular/common/http';
import { toUserFacingError, type UserFacingError } from '../errors/user-facing-error';

/**
 * Operations without a response body (204/202) are requested as text, so their error body
 * arrives as a JSON string: parse it, so the server's code reaches the mapper.
 */
export function withParsedBody(error: unknown): unknown {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'string') return error;
  try {
    return new HttpErrorResponse({
      error: JSON.parse(error.error) as unknown,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error; // not JSON: the status alone says what happened
  }
}

/** A failed account request in words (the one map in errors/messages.ts words every code). */
export function toAccountError(error: unknown): UserFacingError {
  return toUserFacingError(withParsedBody(error));
}

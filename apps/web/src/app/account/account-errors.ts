import { HttpErrorResponse } from '@angular/common/http';
import { toUserFacingError, type UserFacingError } from '../errors/user-facing-error';

/** The account pages' own codes, in words (the shared mapper covers the general ones). */
const ACCOUNT_MESSAGES: Record<string, string> = {
  PASSWORD_INCORRECT: 'That is not your current password.',
  EMAIL_NOT_CONFIGURED: 'This server cannot send e-mail (no SMTP configured).',
  EMAIL_ALREADY_VERIFIED: 'Your e-mail address is already verified.',
  RESET_TOKEN_INVALID: 'This reset link is invalid or has expired. Ask for a new one.',
  VERIFICATION_TOKEN_INVALID: 'This verification link is invalid or has expired.',
  UNSUBSCRIBE_TOKEN_INVALID: 'This unsubscribe link is invalid.',
};

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

export function toAccountError(error: unknown): UserFacingError {
  const failure = toUserFacingError(withParsedBody(error));
  const message = failure.code ? ACCOUNT_MESSAGES[failure.code] : undefined;
  return message ? { ...failure, message } : failure;
}

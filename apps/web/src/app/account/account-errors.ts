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

export function toAccountError(error: unknown): UserFacingError {
  const failure = toUserFacingError(error);
  const message = failure.code ? ACCOUNT_MESSAGES[failure.code] : undefined;
  return message ? { ...failure, message } : failure;
}

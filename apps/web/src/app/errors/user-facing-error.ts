import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@habit-tracker/api-client';

/** An error in words a person understands, with the fields the server pointed at. */
export interface UserFacingError {
  /** One sentence for the page or form. */
  message: string;
  /** The server's SCREAMING_SNAKE code, when it sent one. */
  code: string | null;
  status: number;
  /** Field path → what is wrong with it (from `details.fields`). */
  fields: Record<string, string>;
}

/** Codes whose server message is too technical or too terse for a person. */
const MESSAGES_BY_CODE: Record<string, string> = {
  INVALID_CREDENTIALS: 'That e-mail and password do not match an account.',
  EMAIL_TAKEN: 'An account with this e-mail already exists. Sign in instead?',
  REGISTRATION_CLOSED: 'This server is not accepting new accounts.',
  INVALID_TIME_ZONE: 'That time zone is not recognised. Pick one from the list.',
  REFRESH_TOKEN_MISSING: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_INVALID: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_EXPIRED: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_REUSED: 'Your session was ended for safety. Sign in again to continue.',
  LOG_DATE_IN_FUTURE: 'You cannot log a day that has not started yet.',
  LOG_DATE_BEFORE_START: 'That day is before the habit started.',
};

const MESSAGES_BY_STATUS: Record<number, string> = {
  0: 'The server cannot be reached. Check your connection and try again.',
  400: 'Some of what was sent is not valid.',
  401: 'Please sign in to continue.',
  404: 'That item no longer exists.',
  409: 'That changed in the meantime. Refresh and try again.',
  413: 'That is too much text to send at once.',
  422: 'That cannot be done.',
  429: 'Too many attempts. Wait a minute and try again.',
  503: 'The server is busy or starting up. Try again in a moment.',
};

function isErrorBody(body: unknown): body is ErrorResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorResponse).code === 'string' &&
    typeof (body as ErrorResponse).message === 'string'
  );
}

/** The one place that turns a failed request (or anything thrown) into a UserFacingError. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (!(error instanceof HttpErrorResponse)) {
    return {
      message: 'Something went wrong. Try again.',
      code: null,
      status: -1,
      fields: {},
    };
  }
  const body: unknown = error.error;
  if (!isErrorBody(body)) {
    return {
      message: MESSAGES_BY_STATUS[error.status] ?? 'Something went wrong on the server. Try again.',
      code: null,
      status: error.status,
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (const field of body.details?.fields ?? []) fields[field.path] ??= sentence(field.message);
  const hasFields = Object.keys(fields).length > 0;
  const message =
    MESSAGES_BY_CODE[body.code] ??
    (hasFields
      ? 'Please correct the highlighted fields.'
      : error.status >= 500
        ? (MESSAGES_BY_STATUS[error.status] ?? 'Something went wrong on the server. Try again.')
        : sentence(body.message));
  return { message, code: body.code, status: error.status, fields };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capitalised = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

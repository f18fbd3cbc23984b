import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@habit-tracker/api-client';
import { ERROR_MESSAGES, fieldMessage } from './messages';

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
  // The server's sentences are for developers: people read the app's words for each code.
  const fields: Record<string, string> = {};
  for (const field of body.details?.fields ?? [])
    fields[field.path] ??= fieldMessage(field.path, field.code);
  const hasFields = Object.keys(fields).length > 0;
  const message =
    ERROR_MESSAGES[body.code] ??
    (hasFields ? 'Please correct the highlighted fields.' : undefined) ??
    MESSAGES_BY_STATUS[error.status] ??
    'Something went wrong. Try again.';
  return { message, code: body.code, status: error.status, fields };
}

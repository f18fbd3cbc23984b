import { HttpErrorResponse } from '@angular/common/http';
import { toUserFacingError } from './user-facing-error';

function failure(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error });
}

describe('toUserFacingError', () => {
  it('maps validation field errors to their paths, as sentences', () => {
    const result = toUserFacingError(
      failure(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        details: {
          fields: [{ path: 'password', message: 'password must be at least 8 characters' }],
        },
      }),
    );
    expect(result).toEqual({
      message: 'Please correct the highlighted fields.',
      code: 'VALIDATION_FAILED',
      status: 400,
      fields: { password: 'Password must be at least 8 characters.' },
    });
  });

  it('words known codes for people', () => {
    const result = toUserFacingError(
      failure(401, {
        statusCode: 401,
        error: 'Unauthorized',
        code: 'INVALID_CREDENTIALS',
        message: 'Invalid credentials.',
      }),
    );
    expect(result.message).toBe('That e-mail and password do not match an account.');
  });

  it('keeps the server’s sentence for other rule errors', () => {
    const result = toUserFacingError(
      failure(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'HABIT_LIMIT_REACHED',
        message: 'A user may have at most 500 habits.',
      }),
    );
    expect(result.message).toBe('A user may have at most 500 habits.');
  });

  it('explains a network failure and bodies that are not the error shape', () => {
    expect(toUserFacingError(failure(0, new ProgressEvent('error'))).message).toMatch(
      /cannot be reached/,
    );
    expect(toUserFacingError(failure(503, 'Service Unavailable')).message).toMatch(/busy/);
    expect(toUserFacingError(new Error('boom')).message).toBe('Something went wrong. Try again.');
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { toUserFacingError } from './user-facing-error';

function failure(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error });
}

describe('toUserFacingError', () => {
  it('words each field by its code, never with the server’s sentence (issue 16, point 8)', () => {
    const result = toUserFacingError(
      failure(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        details: {
          fields: [
            { path: 'email', code: 'IS_EMAIL', message: 'email must be an email' },
            {
              path: 'newPassword',
              code: 'IS_LENGTH',
              message: 'newPassword must be longer than or equal to 8 characters',
            },
            { path: 'habits[2].contributionWeight', code: 'MAX', message: 'must not exceed 1000' },
            { path: 'colour', code: 'SOMETHING_NEW', message: 'raw words' },
          ],
        },
      }),
    );
    expect(result).toEqual({
      message: 'Please correct the highlighted fields.',
      code: 'VALIDATION_FAILED',
      status: 400,
      fields: {
        email: 'Enter an e-mail address like name@example.com.',
        newPassword: 'Use 8 to 128 characters.',
        'habits[2].contributionWeight': 'A done day can count at most 1000.',
        colour: 'Check this value.',
      },
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

  it('never shows the server’s sentence, even for a code it does not know', () => {
    const known = toUserFacingError(
      failure(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'HABIT_LIMIT_REACHED',
        message: 'A user may have at most 500 habits.',
      }),
    );
    expect(known.message).toBe(
      'You have 500 habits, the most there can be. Archive or delete one first.',
    );
    const unknown = toUserFacingError(
      failure(422, { statusCode: 422, error: 'x', code: 'BRAND_NEW_RULE', message: 'Raw.' }),
    );
    expect(unknown.message).toBe('That cannot be done.');
  });

  it('explains a network failure and bodies that are not the error shape', () => {
    expect(toUserFacingError(failure(0, new ProgressEvent('error'))).message).toMatch(
      /cannot be reached/,
    );
    expect(toUserFacingError(failure(503, 'Service Unavailable')).message).toMatch(/busy/);
    expect(toUserFacingError(new Error('boom')).message).toBe('Something went wrong. Try again.');
  });
});

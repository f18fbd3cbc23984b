import { HttpErrorResponse } from '@angular/common/http';
import { toAccountError } from './account-errors';

describe('toAccountError', () => {
  it('reads the code from a text error body (bodiless operations) and words it', () => {
    const error = new HttpErrorResponse({
      status: 422,
      error: JSON.stringify({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'PASSWORD_INCORRECT',
        message: 'The current password is wrong.',
      }),
    });
    expect(toAccountError(error)).toMatchObject({
      code: 'PASSWORD_INCORRECT',
      status: 422,
      message: 'That is not your current password.',
    });
  });

  it('falls back to the status when the body is not JSON', () => {
    const error = new HttpErrorResponse({ status: 422, error: 'nope' });
    expect(toAccountError(error)).toMatchObject({ code: null, message: 'That cannot be done.' });
  });
});

/**
 * A field that failed validation: `path` is the JSON path in the body or query (e.g.
 * `habits[0].habitId`), `code` a stable SCREAMING_SNAKE id of the broken rule (`IS_EMAIL`,
 * `MAX_LENGTH`, `UNKNOWN_FIELD`, a domain code…) that clients can put in their own words.
 */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * The one way services report an expected failure: an HTTP status, a stable SCREAMING_SNAKE
 * code and one sentence (SPEC.md §4). The global filter turns it into the error body.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(code: string, message: string, details?: Record<string, unknown>): AppError {
    return new AppError(400, code, message, details);
  }
  static validation(fields: FieldError[], message = 'The request has invalid fields.'): AppError {
    return new AppError(400, 'VALIDATION_FAILED', message, { fields });
  }
  static unauthorized(code = 'UNAUTHORIZED', message = 'Authentication is required.'): AppError {
    return new AppError(401, code, message);
  }
  static notFound(code: string, message: string): AppError {
    return new AppError(404, code, message);
  }
  static conflict(code: string, message: string): AppError {
    return new AppError(409, code, message);
  }
  static unprocessable(code: string, message: string, details?: Record<string, unknown>): AppError {
    return new AppError(422, code, message, details);
  }
}

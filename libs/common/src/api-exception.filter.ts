import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@app/domain';
import { AppError } from './app-error';
import { ErrorBody, defaultCodes, errorBody } from './error-body';
import { routeOf } from './logging/route-of';

/** SQLSTATEs that mean the input was wrong, not the server (STACK.md). */
const sqlStateErrors: Record<string, [number, string, string]> = {
  '22P02': [400, 'INVALID_INPUT', 'A value has the wrong format.'],
  '22007': [400, 'INVALID_INPUT', 'A date or time is not valid.'],
  '22008': [400, 'INVALID_INPUT', 'A date or time is out of range.'],
  '22003': [400, 'INVALID_INPUT', 'A number is out of range.'],
  '22001': [400, 'INVALID_INPUT', 'A value is too long.'],
  '22021': [400, 'INVALID_CHARACTER', 'A value contains a character that cannot be stored.'],
  '23502': [400, 'INVALID_INPUT', 'A required value is missing.'],
  '23514': [400, 'CONSTRAINT_VIOLATED', 'A value breaks a rule of the data.'],
  '23503': [404, 'NOT_FOUND', 'A referenced object does not exist.'],
  '23505': [409, 'DUPLICATE', 'That already exists.'],
  // Writes are retried in the server first (UnitOfWork); these reach a client only when that failed.
  '40001': [503, 'DATABASE_BUSY', 'The server is busy with other changes; try again shortly.'],
  '40P01': [503, 'DATABASE_BUSY', 'The server is busy with other changes; try again shortly.'],
  // lock_timeout: another write of the same user held its lock for too long.
  '55P03': [503, 'DATABASE_BUSY', 'The server is busy with other changes; try again shortly.'],
  '57P01': [503, 'DATABASE_UNAVAILABLE', 'The database is not available right now.'],
  '57P03': [503, 'DATABASE_UNAVAILABLE', 'The database is not available right now.'],
};

/** Retry-After of a 503 (database busy or unavailable). */
const RETRY_AFTER_SECONDS = '2';

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'ENOENT',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && connectionErrorCodes.has(code)) return true;
  if (typeof code === 'string' && code.startsWith('08')) return true; // SQLSTATE class 08: connection exception
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|connection error and is not queryable/i.test(
    error.message,
  );
}

/** Maps any error to the SPEC.md §4 body. Never leaks internals; logs the unexpected ones. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError)
    return errorBody(error.status, error.code, error.message, error.details);
  if (error instanceof DomainError) {
    // Domain rules broken by the input itself (a schedule shape, a zone, a date) are a 400.
    const fields = error.fields.map(({ path, code, message }) => ({ path, code, message }));
    return errorBody(400, error.code, error.message, fields.length > 0 ? { fields } : undefined);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const code =
      typeof response === 'object' &&
      response !== null &&
      typeof (response as { code?: unknown }).code === 'string'
        ? (response as { code: string }).code
        : (defaultCodes[status] ?? 'HTTP_ERROR');
    const message =
      status === 404 &&
      code === 'NOT_FOUND' &&
      /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(error.message)
        ? 'No such route.'
        : error.message;
    return errorBody(status, code, message);
  }
  if (error instanceof QueryFailedError) {
    const sqlState = (error.driverError as { code?: string } | undefined)?.code ?? '';
    const mapped = sqlStateErrors[sqlState];
    if (mapped) return errorBody(mapped[0], mapped[1], mapped[2]);
  }
  if (isDatabaseUnavailable(error)) {
    return errorBody(503, 'DATABASE_UNAVAILABLE', 'The database is not available right now.');
  }
  return errorBody(500, 'INTERNAL_ERROR', 'An unexpected error occurred.');
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      const requestId = String(response.getHeader('x-request-id') ?? '-');
      this.logger.error(
        `${request.method} ${routeOf(request)} failed (request id ${requestId})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
      if (body.statusCode === 500)
        body.message = `An unexpected error occurred (request id ${requestId}).`;
    }
    if (response.headersSent) return;
    // A busy or unreachable database is temporary: tell clients when to come back.
    if (body.statusCode === 503) response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    response.status(body.statusCode).json(body);
  }
}

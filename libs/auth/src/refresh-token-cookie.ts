import { AppError } from '@app/common';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  IssuedSession,
  RefreshTokenDelivery,
  TokenResponseDto,
  toTokenResponseDto,
} from './auth.dto';

export const REFRESH_COOKIE = 'refresh_token';
const COOKIE_PATH = '/api/auth';
const COOKIE_MAX_AGE_MS = 30 * 24 * 3_600_000;
/** A cross-site form cannot set a custom header, so requiring one stops CSRF on the cookie. */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'habit-tracker';

/** The refresh token a request presents, and where it came from (the answer goes the same way). */
export interface PresentedRefreshToken {
  token: string;
  via: RefreshTokenDelivery;
}

function cookieOptions(request: Request) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.secure,
    path: COOKIE_PATH,
  };
}

/**
 * The refresh token from the body field `refreshToken`, else from the cookie (which requires the
 * CSRF header); null when there is none.
 */
export const RefreshTokenFromRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PresentedRefreshToken | null => {
    const request = context.switchToHttp().getRequest<Request>();
    const fromBody = (request.body as { refreshToken?: unknown } | undefined)?.refreshToken;
    if (typeof fromBody === 'string') return { token: fromBody, via: 'body' };
    const fromCookie = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    if (typeof fromCookie !== 'string' || fromCookie === '') return null;
    if (request.header(CSRF_HEADER) !== CSRF_HEADER_VALUE)
      throw AppError.unauthorized(
        'CSRF_HEADER_MISSING',
        `Using the refresh cookie needs the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
      );
    return { token: fromCookie, via: 'cookie' };
  },
);

/** The response to a sign-in or refresh: the refresh token as a cookie, or in the body. */
export function deliverSession(
  request: Request,
  response: Response,
  session: IssuedSession,
  via: RefreshTokenDelivery = 'cookie',
): TokenResponseDto {
  if (via === 'cookie')
    response.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...cookieOptions(request),
      maxAge: COOKIE_MAX_AGE_MS,
    });
  return toTokenResponseDto(session, via);
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
}

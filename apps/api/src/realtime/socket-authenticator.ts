import { AccessTokenClaims, AccessTokens, UsersRepository } from '@app/auth';
import { AppError, AuthUser } from '@app/common';
import type { SocketAuthErrorCode } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';

/** A refused handshake: the client's `connect_error` shows the message and `data.code`. */
export class SocketAuthError extends Error {
  constructor(
    readonly code: SocketAuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SocketAuthError';
  }
}

export interface SocketIdentity {
  user: AuthUser;
  /** When the access token expires: the socket is disconnected then. */
  expiresAt: Date;
}

/**
 * Checks a Socket.IO handshake exactly as the HTTP guard checks a request: the access token
 * (`auth.token`) verified with the Clock, then the user loaded and required to be active.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly users: UsersRepository,
  ) {}

  async authenticate(
    auth: Record<string, unknown> | undefined,
    query: Record<string, unknown> = {},
  ): Promise<SocketIdentity> {
    const raw = auth?.token;
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw new SocketAuthError(
        'TOKEN_MISSING',
        query.token !== undefined
          ? 'Send the access token in the handshake as auth.token, not in the URL.'
          : 'An access token is required in the handshake (auth.token).',
      );
    }
    const token = raw.trim().replace(/^bearer\s+/i, '');
    let claims: AccessTokenClaims;
    try {
      claims = this.accessTokens.verify(token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOKEN_EXPIRED')
        throw new SocketAuthError('TOKEN_EXPIRED', 'The access token has expired: refresh it.');
      if (error instanceof AppError) throw invalid();
      throw error;
    }
    const found = await this.users.findForAccessToken(claims.userId, claims.sessionId);
    if (!found?.user.isActive || found.sessionEnded) throw invalid();
    const user = found.user;
    // Verified above; decoding again only reads the expiry.
    const { exp } = jwt.decode(token) as jwt.JwtPayload;
    if (typeof exp !== 'number') throw invalid();
    return { user, expiresAt: new Date(exp * 1000) };
  }
}

function invalid(): SocketAuthError {
  return new SocketAuthError('TOKEN_INVALID', 'The access token is not valid.');
}

/** A handshake URL fit for logs: the value of any `token` query parameter is redacted. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

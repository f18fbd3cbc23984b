import { AppError, Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';

/** Access tokens last 15 minutes (SPEC.md §4). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ALGORITHM = 'HS256';
const ISSUER = 'habit-tracker';
const AUDIENCE = 'habit-tracker-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignedAccessToken {
  token: string;
  expiresIn: number;
}

/** Whom a verified token was issued to, and in which session (refresh-token family). */
export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

/**
 * Signs and checks the JWT access tokens: HS256 only, issuer and audience checked, "now" from the
 * Clock, `exp` required. Each token names its session (`sid`, the refresh-token family), so
 * ending the session ends the token on its next use (the guard checks the family).
 *
 * The secret is turned into a key object once: given a string, jsonwebtoken first tries it as a
 * public key (which throws) on every call, a cost paid by every authenticated request.
 */
@Injectable()
export class AccessTokens {
  private readonly secret: KeyObject;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    if (!config.jwtSecret) throw new Error('AppConfig.jwtSecret is not set');
    this.secret = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(userId: string, sessionId: string): SignedAccessToken {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims = { iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS, sid: sessionId };
    const token = jwt.sign(claims, this.secret, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: userId,
    });
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The user and session the token was issued to; a 401 for an expired, forged or malformed token. */
  verify(token: string): AccessTokenClaims {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.secret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError)
        throw AppError.unauthorized('TOKEN_EXPIRED', 'The access token has expired.');
      if (error instanceof jwt.JsonWebTokenError) throw invalidToken();
      throw error;
    }
    if (
      typeof payload === 'string' ||
      typeof payload.exp !== 'number' ||
      typeof payload.sub !== 'string' ||
      !UUID.test(payload.sub) ||
      typeof payload.sid !== 'string' ||
      !UUID.test(payload.sid)
    )
      throw invalidToken();
    return { userId: payload.sub, sessionId: payload.sid };
  }
}

function invalidToken(): AppError {
  return AppError.unauthorized('TOKEN_INVALID', 'The access token is not valid.');
}

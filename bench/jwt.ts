import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The checks the app makes on an access token (HS256, issuer, audience, expiry, a UUID subject)
 * with a key object made once: what a bare server pays per request for authentication.
 */
export class Hs256Verifier {
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The user id, or null for a token the app would refuse. */
  verify(token: string): string | null {
    return this.claims(token)?.userId ?? null;
  }

  /** The user id and the session (`sid`, the refresh-token family), or null as `verify`. */
  claims(token: string): { userId: string; sessionId: string } | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const expected = createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
      if (header.alg !== 'HS256') return null;
      if (claims.iss !== 'habit-tracker' || claims.aud !== 'habit-tracker-api') return null;
      if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return null;
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return null;
      if (typeof claims.sid !== 'string' || !UUID.test(claims.sid)) return null;
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return null;
    }
  }
}

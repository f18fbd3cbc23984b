import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Clock } from './clock';

export type SignedTokenPurpose = 'unsubscribe' | 'verify_email' | 'queue_dashboard';

interface Claims {
  /** purpose */
  p: SignedTokenPurpose;
  /** subject (a user id) */
  s: string;
  /** expiry, seconds since the epoch; 0 = none */
  e: number;
  /** extra bound value (e.g. the e-mail address being verified) */
  x?: string;
}

/**
 * Stateless links for e-mails (one-click unsubscribe, e-mail verification): claims signed with
 * HMAC-SHA256 under the app secret, each for one purpose.
 */
@Injectable()
export class SignedTokens {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    if (!config.jwtSecret)
      throw new Error('SignedTokens needs the app secret (JWT_SECRET or DATA_DIR/secret)');
    this.secret = config.jwtSecret;
  }

  sign(
    purpose: SignedTokenPurpose,
    subject: string,
    ttlSeconds: number | null,
    extra?: string,
  ): string {
    const claims: Claims = {
      p: purpose,
      s: subject,
      e: ttlSeconds === null ? 0 : Math.floor(this.clock.now().getTime() / 1000) + ttlSeconds,
      ...(extra === undefined ? {} : { x: extra }),
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The subject (and extra value) of a valid, unexpired token of that purpose; null otherwise. */
  verify(purpose: SignedTokenPurpose, token: string): { subject: string; extra?: string } | null {
    const [body, mac, rest] = token.split('.');
    if (!body || !mac || rest !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: Claims;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    } catch {
      return null; // signed by us, so this cannot happen unless the secret leaked
    }
    if (claims.p !== purpose || typeof claims.s !== 'string') return null;
    if (claims.e !== 0 && claims.e * 1000 < this.clock.now().getTime()) return null;
    return { subject: claims.s, ...(claims.x === undefined ? {} : { extra: claims.x }) };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

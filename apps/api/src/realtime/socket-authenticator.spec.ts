import { AccessTokens, UsersRepository } from '@app/auth';
import { Clock } from '@app/common';
import type { AppConfig } from '@app/config';
import type { UserEntity } from '@app/database';
import { redactUrl, SocketAuthenticator } from './socket-authenticator';

class FixedClock extends Clock {
  constructor(public instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
}

describe('SocketAuthenticator', () => {
  const userId = '3f0c9a52-1c1e-4a57-9d7e-6a3c1b2d4e5f';
  const clock = new FixedClock(new Date('2026-03-10T12:00:00Z'));
  const tokens = new AccessTokens({ jwtSecret: 'x'.repeat(32) } as AppConfig, clock);
  const sessionId = '9b1d2c3e-4f50-4a61-8b72-c3d4e5f60718';
  let user: Partial<UserEntity> | null;
  let sessionEnded = false;
  const users = {
    findForAccessToken: async () => (user ? { user, sessionEnded } : null),
  } as unknown as UsersRepository;
  const authenticator = new SocketAuthenticator(tokens, users);
  const codeOf = (auth: Record<string, unknown>, query?: Record<string, unknown>) =>
    authenticator.authenticate(auth, query).then(
      () => 'accepted',
      (error: { code: string }) => error.code,
    );

  beforeEach(() => {
    clock.instant = new Date('2026-03-10T12:00:00Z');
    user = { id: userId, isActive: true };
    sessionEnded = false;
  });

  it('accepts a valid token (with or without "Bearer ") and reports when it expires', async () => {
    const { token } = tokens.sign(userId, sessionId);
    for (const sent of [token, `Bearer ${token}`]) {
      const identity = await authenticator.authenticate({ token: sent });
      expect(identity.user.id).toBe(userId);
      expect(identity.expiresAt.toISOString()).toBe('2026-03-10T12:15:00.000Z');
    }
  });

  it.each([
    [{}, 'TOKEN_MISSING'],
    [{ token: '' }, 'TOKEN_MISSING'],
    [{ token: 42 }, 'TOKEN_MISSING'],
    [{ token: 'a.b.c' }, 'TOKEN_INVALID'],
  ])('refuses %j with %s', async (auth, code) => {
    expect(await codeOf(auth)).toBe(code);
  });

  it('refuses an expired token, and an inactive or deleted user', async () => {
    const { token } = tokens.sign(userId, sessionId);
    clock.instant = new Date('2026-03-10T12:15:01Z');
    expect(await codeOf({ token })).toBe('TOKEN_EXPIRED');
    clock.instant = new Date('2026-03-10T12:00:00Z');
    user = { id: userId, isActive: false };
    expect(await codeOf({ token })).toBe('TOKEN_INVALID');
    user = null;
    expect(await codeOf({ token })).toBe('TOKEN_INVALID');
  });

  it('refuses a token whose session has ended (logout, logout-all, password change)', async () => {
    const { token } = tokens.sign(userId, sessionId);
    sessionEnded = true;
    expect(await codeOf({ token })).toBe('TOKEN_INVALID');
  });
});

describe('redactUrl', () => {
  it.each([
    [
      '/ws/?EIO=4&transport=websocket&token=abc.def',
      '/ws/?EIO=4&transport=websocket&token=[redacted]',
    ],
    ['/ws/?token=abc&EIO=4', '/ws/?token=[redacted]&EIO=4'],
    ['/ws/?TOKEN=abc', '/ws/?TOKEN=[redacted]'],
    ['/ws/?EIO=4&mytoken=abc', '/ws/?EIO=4&mytoken=abc'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});

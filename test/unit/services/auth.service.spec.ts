import type { AppConfig } from '@app/config';
import { RefreshTokenEntity, UserEntity } from '@app/database';
import { AccessTokens, AuthService, PasswordHasher, UsersRepository } from '@app/auth';
import type { DataSource } from 'typeorm';
import type {
  NewRefreshToken,
  RefreshTokensRepository,
} from '../../../libs/auth/src/refresh-tokens.repository';
import type { NewUser } from '../../../libs/auth/src/users.repository';
import { codeOf, FixedClock, manager, nextId } from './in-memory';

/** A stand-in hasher: what it stores says which password it was made from; counts checks. */
class FakeHasher {
  checks: string[] = [];
  readonly dummyHash = 'hashed:(dummy)';
  async hash(password: string) {
    return `hashed:${password}`;
  }
  async verify(hash: string, password: string) {
    this.checks.push(hash);
    return hash === `hashed:${password}`;
  }
}

class FakeUsers {
  rows: UserEntity[] = [];
  async findByEmail(email: string) {
    return this.rows.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null;
  }
  async findById(id: string) {
    return this.rows.find((u) => u.id === id) ?? null;
  }
  async lockRegistration() {}
  async anyExists() {
    return this.rows.length > 0;
  }
  async insert(_m: unknown, user: NewUser) {
    const row = Object.assign(new UserEntity(), {
      ...user,
      id: nextId(),
      isActive: true,
      dayStartHour: 0,
      nudgeHour: 19,
      emailNudges: false,
      emailVerifiedAt: null,
      eventSeq: 0,
      updatedAt: user.createdAt,
    });
    this.rows.push(row);
    return row;
  }
}

class FakeRefreshTokens {
  rows: RefreshTokenEntity[] = [];
  async insert(token: NewRefreshToken) {
    this.rows.push(
      Object.assign(new RefreshTokenEntity(), {
        ...token,
        id: nextId(),
        usedAt: null,
        revokedAt: null,
      }),
    );
  }
  async findByHash(tokenHash: string) {
    return this.rows.find((t) => t.tokenHash === tokenHash) ?? null;
  }
  async consume(_m: unknown, tokenHash: string, now: Date) {
    const t = this.rows.find(
      (r) => r.tokenHash === tokenHash && !r.usedAt && !r.revokedAt && r.expiresAt > now,
    );
    if (!t) return null;
    t.usedAt = now;
    return { userId: t.userId, familyId: t.familyId };
  }
  async revokeFamily(familyId: string, now: Date) {
    for (const t of this.rows) if (t.familyId === familyId && !t.revokedAt) t.revokedAt = now;
  }
  async revokeAllOfUser(userId: string, now: Date) {
    for (const t of this.rows) if (t.userId === userId && !t.revokedAt) t.revokedAt = now;
  }
}

function setup(registration: 'open' | 'closed' = 'open') {
  const clock = new FixedClock(new Date('2026-03-10T12:00:00Z'));
  const config = { registration, smtpUrl: null, jwtSecret: 'x'.repeat(32) } as unknown as AppConfig;
  const users = new FakeUsers();
  const tokens = new FakeRefreshTokens();
  const hasher = new FakeHasher();
  const dataSource = {
    transaction: (work: (m: typeof manager) => Promise<unknown>) => work(manager),
  };
  const service = new AuthService(
    config,
    dataSource as unknown as DataSource,
    users as unknown as UsersRepository,
    tokens as unknown as RefreshTokensRepository,
    hasher as unknown as PasswordHasher,
    new AccessTokens(config, clock),
    clock,
  );
  return { service, users, tokens, hasher, clock };
}

const signUp = { email: 'Ada@Example.com', password: 'correct horse', timezone: 'Europe/Paris' };

describe('AuthService (in-memory repositories)', () => {
  it('signs up without signing in, and with registration closed only the first user may', async () => {
    const { service, tokens } = setup('closed');
    const user = await service.register(signUp);
    expect(user).toMatchObject({
      email: 'Ada@Example.com',
      timezone: 'Europe/Paris',
      emailVerified: false,
    });
    expect(tokens.rows).toEqual([]);
    expect(await codeOf(service.register({ ...signUp, email: 'bob@example.com' }))).toBe(
      'REGISTRATION_CLOSED',
    );
  });

  it('an unknown e-mail and a wrong password fail alike, each after exactly one check', async () => {
    const { service, hasher } = setup();
    await service.register(signUp);
    expect(await codeOf(service.login({ email: 'nobody@example.com', password: 'x' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await codeOf(service.login({ email: 'ada@example.com', password: 'wrong' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(hasher.checks).toEqual(['hashed:(dummy)', 'hashed:correct horse']);
    const session = await service.login({ email: 'ADA@example.com', password: 'correct horse' });
    expect(session.expiresIn).toBe(900);
  });

  it('refreshing rotates the token; presenting a used one ends the whole session', async () => {
    const { service, tokens } = setup();
    await service.register(signUp);
    const first = await service.login({ email: signUp.email, password: signUp.password });
    const second = await service.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await codeOf(service.refresh(first.refreshToken))).toBe('REFRESH_TOKEN_REUSED');
    // Both tokens of the family are revoked: the rotated one no longer works either.
    expect(tokens.rows.every((t) => t.revokedAt !== null)).toBe(true);
    expect(await codeOf(service.refresh(second.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    expect(await codeOf(service.refresh(null))).toBe('REFRESH_TOKEN_MISSING');
  });

  it('an expired refresh token says so', async () => {
    const { service, clock } = setup();
    await service.register(signUp);
    const session = await service.login({ email: signUp.email, password: signUp.password });
    clock.instant = new Date('2026-04-10T12:00:01Z'); // 31 days later: past the 30-day lifetime
    expect(await codeOf(service.refresh(session.refreshToken))).toBe('REFRESH_TOKEN_EXPIRED');
  });
});

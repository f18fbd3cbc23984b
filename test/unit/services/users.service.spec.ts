import type { AppConfig } from '@app/config';
import { UserEntity } from '@app/database';
import { HabitsService } from '@app/habits';
import { PasswordHasher, UsersRepository, UsersService } from '@app/auth';
import type { RefreshTokensRepository } from '../../../libs/auth/src/refresh-tokens.repository';
import type { UserChanges } from '../../../libs/auth/src/users.repository';
import { codeOf, FixedClock, inMemoryServices, userOf } from './in-memory';

/** A stand-in hasher: what it stores says which password it was made from. */
const hasher = {
  hash: async (password: string) => `hashed:${password}`,
  verify: async (hash: string, password: string) => hash === `hashed:${password}`,
};

async function setup() {
  const clock = new FixedClock(new Date('2026-03-10T12:00:00Z'));
  const s = inMemoryServices(clock);
  const user = userOf();
  const account = Object.assign(new UserEntity(), {
    ...user,
    hashedPassword: 'hashed:old secret',
    eventSeq: 0,
    updatedAt: user.createdAt,
  });
  const users = {
    rows: new Map([[account.id, account]]),
    async findById(id: string) {
      return this.rows.get(id) ?? null;
    },
    async update(_m: unknown, id: string, changes: UserChanges) {
      return Object.assign(this.rows.get(id)!, changes);
    },
    async delete(id: string) {
      this.rows.delete(id);
    },
  };
  const revoked: string[] = [];
  const refreshTokens = {
    async revokeAllOfUser(userId: string) {
      revoked.push(userId);
    },
  };
  const service = new UsersService(
    { smtpUrl: null, adminEmails: [] } as unknown as AppConfig,
    users as unknown as UsersRepository,
    refreshTokens as unknown as RefreshTokensRepository,
    hasher as unknown as PasswordHasher,
    clock,
    s.asUow,
    s.freshness,
  );
  const habitsService = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  return { ...s, service, habitsService, users, revoked, user };
}

describe('UsersService (in-memory repositories)', () => {
  it('a new password needs the current one and ends every session', async () => {
    const { service, user, users, revoked } = await setup();
    expect(
      await codeOf(
        service.updateMe(user, { newPassword: 'new secret 1', currentPassword: 'wrong' }),
      ),
    ).toBe('PASSWORD_INCORRECT');
    expect(revoked).toEqual([]);
    await service.updateMe(user, { newPassword: 'new secret 1', currentPassword: 'old secret' });
    expect(users.rows.get(user.id)!.hashedPassword).toBe('hashed:new secret 1');
    expect(revoked).toEqual([user.id]);
  });

  it('a new time zone moves "today" and recomputes the habits in the same write', async () => {
    const { service, habitsService, user, tables } = await setup();
    const habit = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
    expect(tables.habits.get(habit.id)!.statsAsOf).toBe('2026-03-10');
    // 12:00 UTC on 03-10 is already 03-11 in Kiritimati (UTC+14).
    const me = await service.updateMe(user, { timezone: 'Pacific/Kiritimati' });
    expect(me).toMatchObject({ timezone: 'Pacific/Kiritimati', today: '2026-03-11' });
    expect(tables.habits.get(habit.id)!.statsAsOf).toBe('2026-03-11');
  });

  it('deleting the account needs the password', async () => {
    const { service, user, users } = await setup();
    expect(await codeOf(service.deleteMe(user, { password: 'nope' }))).toBe('PASSWORD_INCORRECT');
    expect(users.rows.has(user.id)).toBe(true);
    await service.deleteMe(user, { password: 'old secret' });
    expect(users.rows.has(user.id)).toBe(false);
  });
});

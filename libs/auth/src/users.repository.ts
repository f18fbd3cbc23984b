import type { AuthUser } from '@app/common';
import { queryRows, UserEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Transaction-level lock that serialises sign-ups while registration is closed. */
const REGISTRATION_LOCK_KEY = 727_1003;

export type NewUser = Pick<
  UserEntity,
  'email' | 'hashedPassword' | 'fullName' | 'timezone' | 'isAdmin'
> & {
  createdAt: Date;
};

export type UserChanges = Partial<
  Pick<
    UserEntity,
    | 'fullName'
    | 'timezone'
    | 'dayStartHour'
    | 'nudgeHour'
    | 'emailNudges'
    | 'hashedPassword'
    | 'updatedAt'
  >
>;

/** The guard's lookup: plain columns of an AuthUser (no entity hydration) and the session check. */
const FOR_ACCESS_TOKEN_SQL = `SELECT u.id, u.email, u.full_name AS "fullName", u.is_active AS "isActive",
   u.timezone, u.day_start_hour AS "dayStartHour", u.nudge_hour AS "nudgeHour",
   u.email_nudges AS "emailNudges", u.email_verified_at AS "emailVerifiedAt",
   u.is_admin AS "isAdmin", u.created_at AS "createdAt",
   EXISTS (SELECT 1 FROM refresh_tokens t
           WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NOT NULL) AS "sessionEnded"
 FROM users u WHERE u.id = $1`;

/** The queries on `users`. Methods that take a manager run inside the caller's transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /**
   * The user an access token names, and whether the token's session (refresh-token family) has
   * ended (logout, logout-all, a password change or reset, a reused refresh token): one
   * statement, the guard's only one.
   */
  async findForAccessToken(
    userId: string,
    sessionId: string,
  ): Promise<{ user: AuthUser; sessionEnded: boolean } | null> {
    const rows = await queryRows<AuthUser & { sessionEnded: boolean }>(
      this.dataSource.manager,
      FOR_ACCESS_TOKEN_SQL,
      [userId, sessionId],
    );
    if (rows.length === 0) return null;
    const { sessionEnded, ...user } = rows[0];
    return { user, sessionEnded: sessionEnded === true };
  }

  /** By e-mail, case-insensitively (the unique index is on lower(email)). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo()
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  /** Waits for other sign-ups to commit, so "is this the first user?" has one answer at a time. */
  async lockRegistration(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTRATION_LOCK_KEY]);
  }

  async anyExists(manager: EntityManager): Promise<boolean> {
    return (await this.repo(manager).createQueryBuilder('user').limit(1).getCount()) > 0;
  }

  async insert(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    const created = this.repo(manager).create({ ...user, updatedAt: user.createdAt });
    return this.repo(manager).save(created);
  }

  async update(manager: EntityManager, id: string, changes: UserChanges): Promise<UserEntity> {
    await this.repo(manager).update({ id }, changes);
    return this.repo(manager).findOneByOrFail({ id });
  }

  /** Sets these fields outside any transaction (one statement; no read back). */
  async setFields(
    id: string,
    fields: Partial<Pick<UserEntity, 'emailVerifiedAt' | 'emailNudges'>>,
  ): Promise<void> {
    await this.repo().update({ id }, fields);
  }

  /** Removes the user; ON DELETE CASCADE removes everything they own. */
  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }
}

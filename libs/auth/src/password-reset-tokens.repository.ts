import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The queries on `password_reset_tokens` (only their SHA-256 is stored). */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction of its own (a reset: use the token, set the password). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)`,
      [userId, tokenHash, expiresAt, now],
    );
  }

  /** Marks an unused, unexpired token used; its user, or null when there is none. */
  async use(manager: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    const used = await queryRows<{ user_id: string }>(
      manager,
      `UPDATE password_reset_tokens SET used_at = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING user_id`,
      [tokenHash, now],
    );
    return used[0]?.user_id ?? null;
  }
}

import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** How long a key answers with its first response. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** A write's first answer under its key. */
export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/**
 * `Idempotency-Key`s of log writes, in the database so that every API process sees them, and
 * read and written inside the write's own transaction (which holds the user's row lock: two
 * requests with one key queue, and the second finds the first's answer).
 */
@Injectable()
export class IdempotencyKeysRepository {
  /** The first answer given under this key of the user, unless it expired. */
  async find(
    manager: EntityManager,
    userId: string,
    key: string,
    now: Date,
  ): Promise<StoredAnswer | null> {
    const rows = await queryRows<{ status_code: number; response: unknown }>(
      manager,
      `SELECT status_code, response FROM idempotency_keys
       WHERE user_id = $1 AND key = $2 AND expires_at > $3`,
      [userId, key, now],
    );
    return rows.length === 0 ? null : { statusCode: rows[0].status_code, body: rows[0].response };
  }

  /**
   * Keeps the answer for 24 h (replacing an expired one under the same key) and drops the
   * user's other expired keys; one statement.
   */
  async save(
    manager: EntityManager,
    userId: string,
    key: string,
    answer: StoredAnswer,
    now: Date,
  ): Promise<void> {
    await queryRows(
      manager,
      `WITH expired AS (
         DELETE FROM idempotency_keys WHERE user_id = $1 AND key <> $2 AND expires_at <= $5
       )
       INSERT INTO idempotency_keys (user_id, key, status_code, response, created_at, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (user_id, key) DO UPDATE
         SET status_code = excluded.status_code, response = excluded.response,
             created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [
        userId,
        key,
        answer.statusCode,
        JSON.stringify(answer.body),
        now,
        new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
      ],
    );
  }
}

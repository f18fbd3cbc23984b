import type { EntityManager } from 'typeorm';
import { queryRows } from './query-rows';

/**
 * Locks the user's row for the rest of the transaction, waiting at most `lockTimeoutMs` for it
 * (then PostgreSQL fails the statement with SQLSTATE 55P03). Every write of a user takes this
 * lock first, so a user's writes run one after another and never deadlock on each other's habit,
 * goal or user rows, whatever order they touch them in. One statement: `set_config` in the select
 * list runs before the row lock is waited for, and lasts until the end of the transaction.
 * False when the user no longer exists.
 */
export async function lockUserRow(
  manager: EntityManager,
  userId: string,
  lockTimeoutMs: number,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `SELECT set_config('lock_timeout', $2, true), id FROM users WHERE id = $1 FOR UPDATE`,
    [userId, `${lockTimeoutMs}ms`],
  );
  return rows.length > 0;
}

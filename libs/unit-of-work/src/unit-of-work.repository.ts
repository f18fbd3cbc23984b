import { currentRequestId } from '@app/common';
import type { ServerEventType } from '@app/contracts';
import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PendingEvent {
  userId: string;
  type: ServerEventType;
  payload: unknown;
}

/** The statements every write makes around its work: the user's row lock, the outbox append. */
@Injectable()
export class UnitOfWorkRepository {
  /**
   * Locks the user's row for the rest of the transaction, waiting at most `lockTimeoutMs` for it
   * (then PostgreSQL fails the statement with SQLSTATE 55P03). Every write of a user takes this
   * lock first, so a user's writes run one after another and never deadlock on each other's
   * habit, goal or user rows, whatever order they touch them in. One statement: `set_config` in
   * the select list runs before the row lock is waited for, and lasts until the end of the
   * transaction. False when the user no longer exists.
   */
  async lockUserRow(
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

  /**
   * Locks the rows of these users in id order (so two batches, or a batch and a write, never
   * deadlock on them) in one statement, waiting at most `lockTimeoutMs`; answers the ids of
   * those that exist, in id order. It also turns JIT compilation off for the transaction: a
   * batch's statements read thousands of rows through correlated subqueries, their estimated
   * cost passes `jit_above_cost`, and compiling them took 1.3 s a statement on the bench data
   * set, ten times the statement's own execution.
   */
  async lockUserRows(
    manager: EntityManager,
    userIds: string[],
    lockTimeoutMs: number,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT set_config('lock_timeout', $2, true), set_config('jit', 'off', true), id FROM users
        WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [userIds, `${lockTimeoutMs}ms`],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records one user's events in the outbox (transactional outbox), each with the user's next
   * sequence number, in one statement: the UPDATE reserves the numbers (the user's row is
   * locked, so they are consecutive) and the INSERT numbers the rows from them, in the order
   * the events were recorded. Nothing when the user was deleted in this transaction.
   */
  async appendToOutbox(
    manager: EntityManager,
    userId: string,
    events: readonly PendingEvent[],
  ): Promise<void> {
    await manager.query(
      `WITH reserved AS (
         UPDATE users SET event_seq = event_seq + $2::int WHERE id = $1 RETURNING event_seq
       )
       INSERT INTO outbox_events (user_id, seq, type, payload, request_id)
       SELECT $1, r.event_seq - $2::int + x.n, x.type, x.payload, $4
       FROM reserved r, jsonb_to_recordset($3::jsonb) AS x(n int, type varchar, payload jsonb)
       ORDER BY x.n`,
      [
        userId,
        events.length,
        // n: the event's place (1-based) among this write's events.
        JSON.stringify(events.map((e, i) => ({ n: i + 1, type: e.type, payload: e.payload }))),
        // The request (or job run) that caused them, for the relay's logs.
        currentRequestId(),
      ],
    );
  }
}

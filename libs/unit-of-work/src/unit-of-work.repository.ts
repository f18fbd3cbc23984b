import { currentRequestId } from '@app/common';
import type { ServerEventType } from '@app/contracts';
import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { DeferredWrite } from './deferred-writes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `sql` with its placeholders $1… moved up by `offset` (for one statement of many parts). */
function shiftPlaceholders(sql: string, offset: number): string {
  return sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
}

export interface PendingEvent {
  userId: string;
  type: ServerEventType;
  payload: unknown;
}

// The outbox append's two parts ($1 user, $2 count, $3 events, $4 request id): the UPDATE
// reserves the numbers (the user's row is locked, so they are consecutive), the INSERT numbers
// the rows from them in the order the events were recorded.
const RESERVE_SEQ_SQL = `UPDATE users SET event_seq = event_seq + $2::int WHERE id = $1 RETURNING event_seq`;
const APPEND_EVENTS_SQL = `INSERT INTO outbox_events (user_id, seq, type, payload, request_id)
  SELECT $1, r.event_seq - $2::int + x.n, x.type, x.payload, $4
  FROM reserved r, jsonb_to_recordset($3::jsonb) AS x(n int, type varchar, payload jsonb)
  ORDER BY x.n`;

function outboxParams(userId: string, events: readonly PendingEvent[]): unknown[] {
  return [
    userId,
    events.length,
    // n: the event's place (1-based) among this write's events.
    JSON.stringify(events.map((e, i) => ({ n: i + 1, type: e.type, payload: e.payload }))),
    // The request (or job run) that caused them, for the relay's logs.
    currentRequestId(),
  ];
}

/** The statements every write makes around its work: the user's row lock, the outbox append. */
@Injectable()
export class UnitOfWorkRepository {
  /**
   * Starts the transaction and locks the user's row in ONE round trip: a simple-protocol query
   * of two statements (`START TRANSACTION; SELECT … FOR UPDATE`), which cannot carry bound
   * parameters, so the only values in it are checked here: the user id must be a UUID and the
   * timeout an integer. `set_config` in the select list runs before the row lock is waited for
   * and lasts until the end of the transaction (a wait longer than `lockTimeoutMs` fails with
   * SQLSTATE 55P03). TypeORM answers a multi-statement query with nothing, so it goes to the
   * manager's pg client, counted and its errors wrapped as TypeORM's own. False when the user
   * no longer exists.
   */
  async beginLockingUser(
    manager: EntityManager,
    userId: string,
    lockTimeoutMs: number,
  ): Promise<boolean> {
    if (!UUID.test(userId)) throw new Error(`not a user id: ${userId}`);
    if (!Number.isSafeInteger(lockTimeoutMs) || lockTimeoutMs < 0)
      throw new Error(`not a lock timeout: ${lockTimeoutMs}`);
    const sql = `START TRANSACTION; SELECT set_config('lock_timeout', '${lockTimeoutMs}ms', true), id FROM users WHERE id = '${userId}' FOR UPDATE`;
    const runner = manager.queryRunner;
    if (!runner) throw new Error('beginLockingUser needs a query runner of its own');
    const client = (await runner.connect()) as {
      query(sql: string): Promise<{ rows: unknown[] }[]>;
    };
    manager.connection.logger.logQuery(sql, [], runner);
    try {
      const results = await client.query(sql);
      return results[1].rows.length > 0;
    } catch (error) {
      // A failed SELECT leaves the transaction open and aborted: end it before the runner goes back.
      manager.connection.logger.logQuery('ROLLBACK', [], runner);
      await client.query('ROLLBACK').catch(() => undefined);
      throw new QueryFailedError(sql, [], error as Error);
    }
  }

  /**
   * The end of a write in ONE statement: the deferred writes (stats, goals…) and one user's
   * events in the outbox with their sequence numbers, as data-modifying CTEs (each runs once,
   * to completion, on the state before this statement). Nothing to send: no statement.
   */
  async finish(
    manager: EntityManager,
    writes: readonly DeferredWrite[],
    userId: string,
    events: readonly PendingEvent[],
  ): Promise<void> {
    if (writes.length === 0 && events.length === 0) return;
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const write of writes) {
      parts.push(`w${parts.length} AS (${shiftPlaceholders(write.sql, params.length)})`);
      params.push(...write.params);
    }
    if (events.length > 0) {
      parts.push(
        `reserved AS (${shiftPlaceholders(RESERVE_SEQ_SQL, params.length)})`,
        `appended AS (${shiftPlaceholders(APPEND_EVENTS_SQL, params.length)})`,
      );
      params.push(...outboxParams(userId, events));
    }
    await manager.query(`WITH ${parts.join(',\n')} SELECT 1 AS done`, params);
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
      `WITH reserved AS (${RESERVE_SEQ_SQL}) ${APPEND_EVENTS_SQL}`,
      outboxParams(userId, events),
    );
  }
}

import type { ServerEvent, ServerEventType } from '@app/contracts';
import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * First key of the relay's transaction-level advisory locks (two-key form, so it cannot collide
 * with the single-key migration, registration and API locks); the second is hashtext(user id).
 */
const RELAY_LOCK_CLASS = 7_271_008;

interface EventRow {
  id: string;
  seq: string;
  type: ServerEventType;
  payload: unknown;
  created_at: Date;
  request_id: string | null;
}

export interface OutboxEvent {
  id: string;
  event: ServerEvent;
  createdAt: Date;
  /** The request (or job run) that recorded it. */
  requestId: string | null;
}

export interface OutboxBacklog {
  /** Events not yet delivered. */
  pending: number;
  /** When the oldest of them was recorded; null when none waits. */
  oldestCreatedAt: Date | null;
}

export interface EventsSince {
  events: ServerEvent[];
  /** The user's newest sequence number; null when the user does not exist. */
  latestSeq: number | null;
}

function toEvent(row: Pick<EventRow, 'seq' | 'type' | 'payload'>): ServerEvent {
  return { type: row.type, seq: Number(row.seq), payload: row.payload } as ServerEvent;
}

/** The queries on `outbox_events`. Methods that take a manager run in the caller's transaction. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a short transaction of its own (the relay's claim). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Claims the user's outbox for this transaction; false when another relay holds it. */
  async tryLockUser(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows<{ locked: boolean }>(
      manager,
      'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
      [RELAY_LOCK_CLASS, userId],
    );
    return rows[0]?.locked === true;
  }

  /** The user's undelivered events, oldest `seq` first. */
  async undelivered(manager: EntityManager, userId: string, limit: number): Promise<OutboxEvent[]> {
    const rows = await queryRows<EventRow>(
      manager,
      `SELECT id, seq, type, payload, created_at, request_id FROM outbox_events
       WHERE user_id = $1 AND delivered_at IS NULL ORDER BY seq LIMIT $2`,
      [userId, limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      event: toEvent(row),
      createdAt: row.created_at,
      requestId: row.request_id,
    }));
  }

  /** What waits for delivery, across all users (metrics and the operations page). */
  async backlog(): Promise<OutboxBacklog> {
    const rows = await queryRows<{ pending: number; oldest: Date | null }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS pending, min(created_at) AS oldest
       FROM outbox_events WHERE delivered_at IS NULL`,
    );
    return { pending: rows[0]?.pending ?? 0, oldestCreatedAt: rows[0]?.oldest ?? null };
  }

  async markDelivered(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query('UPDATE outbox_events SET delivered_at = $2 WHERE id = ANY($1::bigint[])', [
      ids,
      at,
    ]);
  }

  /** Users with undelivered events (a few at a time, oldest first): the relay's sweep. */
  async usersWithUndelivered(limit: number): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      this.dataSource.manager,
      `SELECT user_id FROM outbox_events WHERE delivered_at IS NULL
       GROUP BY user_id ORDER BY min(id) LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.user_id);
  }

  /** The user's kept events with `seq` > since, in order, and their newest sequence number. */
  async since(userId: string, since: number, limit: number): Promise<EventsSince> {
    const rows = await queryRows<{
      event_seq: string;
      seq: string | null;
      type: ServerEventType | null;
      payload: unknown;
    }>(
      this.dataSource.manager,
      `SELECT u.event_seq, e.seq, e.type, e.payload
       FROM users u
       LEFT JOIN LATERAL (
         SELECT seq, type, payload FROM outbox_events
         WHERE user_id = u.id AND seq > $2 ORDER BY seq LIMIT $3
       ) e ON true
       WHERE u.id = $1
       ORDER BY e.seq`,
      [userId, since, limit],
    );
    if (rows.length === 0) return { events: [], latestSeq: null };
    return {
      latestSeq: Number(rows[0].event_seq),
      events: rows.flatMap((row) =>
        row.seq === null || row.type === null
          ? []
          : [toEvent({ seq: row.seq, type: row.type, payload: row.payload })],
      ),
    };
  }

  /** Deletes up to `batch` events delivered before `cutoff`; returns how many. */
  async deleteDeliveredBefore(cutoff: Date, batch: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events WHERE delivered_at < $1 ORDER BY delivered_at LIMIT $2
       ) RETURNING id`,
      [cutoff, batch],
    );
    return rows.length;
  }
}

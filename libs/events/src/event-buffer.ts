import { currentRequestId } from '@app/common';
import type { ServerEventPayloads, ServerEventType } from '@app/contracts';
import { queryRows } from '@app/database';
import type { EntityManager } from 'typeorm';

interface PendingEvent {
  userId: string;
  type: ServerEventType;
  payload: unknown;
}

/**
 * Collects the events a write causes and records them in the outbox inside the same
 * transaction, each with the user's next sequence number (transactional outbox). Delivery
 * after commit is the relay's job.
 */
export class EventBuffer {
  private readonly pending: PendingEvent[] = [];

  record<T extends ServerEventType>(
    userId: string,
    type: T,
    payload: ServerEventPayloads[T],
  ): void {
    this.pending.push({ userId, type, payload });
  }

  get size(): number {
    return this.pending.length;
  }

  types(): ServerEventType[] {
    return this.pending.map((e) => e.type);
  }

  /** Two statements per user with events: reserve the sequence numbers, insert the rows. */
  async flush(manager: EntityManager): Promise<void> {
    const byUser = new Map<string, PendingEvent[]>();
    for (const event of this.pending)
      byUser.set(event.userId, [...(byUser.get(event.userId) ?? []), event]);
    for (const [userId, events] of byUser) {
      const rows = await queryRows<{ event_seq: string }>(
        manager,
        'UPDATE users SET event_seq = event_seq + $2 WHERE id = $1 RETURNING event_seq',
        [userId, events.length],
      );
      if (rows.length === 0) continue; // the user was deleted in this transaction
      const first = Number(rows[0].event_seq) - events.length + 1;
      await manager.query(
        `INSERT INTO outbox_events (user_id, seq, type, payload, request_id)
         SELECT $1, x.seq, x.type, x.payload, $3
         FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, type varchar, payload jsonb)`,
        [
          userId,
          JSON.stringify(
            events.map((e, i) => ({ seq: first + i, type: e.type, payload: e.payload })),
          ),
          // The request (or job run) that caused them, for the relay's logs.
          currentRequestId(),
        ],
      );
    }
    this.pending.length = 0;
  }
}

import type { ServerEventPayloads, ServerEventType } from '@app/contracts';
import type { PendingEvent } from './unit-of-work.repository';

/**
 * Collects the events a write causes; the unit of work records them in the outbox inside the
 * same transaction (transactional outbox). Delivery after commit is the relay's job.
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

  /** The recorded events by user, in the order they were recorded; empties the buffer. */
  drain(): Map<string, PendingEvent[]> {
    const byUser = new Map<string, PendingEvent[]>();
    for (const event of this.pending)
      byUser.set(event.userId, [...(byUser.get(event.userId) ?? []), event]);
    this.pending.length = 0;
    return byUser;
  }
}

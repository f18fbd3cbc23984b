import type { ServerEvent } from '@app/contracts';

/**
 * The user's events arrive from two places — the socket and, after a drop, `GET /api/events` —
 * possibly twice and out of order. This keeps the last `seq` applied and lets each event through
 * once, in order. A live event past a gap is held back until the catch-up fills it.
 */
export class EventSequence {
  private held = new Map<number, ServerEvent>();

  constructor(private last = 0) {}

  /** The `seq` of the last event applied: what to ask `GET /api/events?since=` for. */
  get lastSeq(): number {
    return this.last;
  }

  /** Events are missing before some held ones: a catch-up is needed. */
  get hasGap(): boolean {
    return this.held.size > 0;
  }

  /** Starts counting from the server's latest `seq` (the page's REST reads are at least that new). */
  resetTo(seq: number): void {
    this.last = seq;
    this.held.clear();
  }

  /**
   * Takes any events, returns those to apply now: each `seq` once, ascending, with no gap
   * before it. Old and duplicate events are dropped; events after a gap wait in `held`.
   */
  accept(events: readonly ServerEvent[]): ServerEvent[] {
    for (const event of events) {
      if (event.seq > this.last && !this.held.has(event.seq)) this.held.set(event.seq, event);
    }
    const ready: ServerEvent[] = [];
    let next = this.held.get(this.last + 1);
    while (next) {
      ready.push(next);
      this.held.delete(next.seq);
      this.last = next.seq;
      next = this.held.get(this.last + 1);
    }
    return ready;
  }

  /**
   * After a catch-up that reached the server's latest `seq`, nothing older can still come:
   * whatever is held goes out in order (a gap left then is one the server no longer has).
   */
  flush(): ServerEvent[] {
    const ready = [...this.held.values()]
      .filter((event) => event.seq > this.last)
      .sort((a, b) => a.seq - b.seq);
    this.held.clear();
    if (ready.length > 0) this.last = ready[ready.length - 1].seq;
    return ready;
  }
}

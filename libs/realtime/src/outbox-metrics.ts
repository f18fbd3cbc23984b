import { Metrics } from '@app/metrics';
import { Injectable } from '@nestjs/common';
import { OutboxBacklog, OutboxRepository } from './outbox.repository';

/**
 * The outbox's backlog at each scrape: `outbox_backlog_events` (undelivered) and
 * `outbox_oldest_pending_seconds` (how long the oldest has waited: the relay's lag now).
 */
@Injectable()
export class OutboxMetrics {
  constructor(
    private readonly outbox: OutboxRepository,
    metrics: Metrics,
  ) {
    let last: Promise<OutboxBacklog | null> | null = null;
    // Both gauges come from one query per scrape.
    const read = () => {
      last ??= this.outbox
        .backlog()
        .catch(() => null)
        .finally(() => setTimeout(() => (last = null), 0).unref());
      return last;
    };
    metrics.gauge(
      'outbox_backlog_events',
      'Events recorded and not yet delivered.',
      [],
      async (g) => {
        const backlog = await read();
        if (backlog) g.set(backlog.pending);
      },
    );
    metrics.gauge(
      'outbox_oldest_pending_seconds',
      'Age of the oldest undelivered event (0 when none waits).',
      [],
      async (g) => {
        const backlog = await read();
        if (backlog) g.set(ageSeconds(backlog));
      },
    );
  }

  backlog(): Promise<OutboxBacklog> {
    return this.outbox.backlog();
  }
}

export function ageSeconds(backlog: OutboxBacklog, now = Date.now()): number {
  return backlog.oldestCreatedAt
    ? Math.max(0, (now - backlog.oldestCreatedAt.getTime()) / 1000)
    : 0;
}

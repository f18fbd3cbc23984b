import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (SPEC.md §6 "Operations"), in a registry of its own (tests
 * run several apps in one process). Metrics whose value lives elsewhere (the pool, the outbox,
 * the queue) are gauges their owners register with a `collect` callback, read at each scrape.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** By route template (never the raw URL), method and status. */
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Every run of a scheduled job, whichever scheduler ran it. */
  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Scheduled job run duration by job and outcome (succeeded, failed).',
    labelNames: ['job', 'status'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  /** From commit to emit: how long an event waited in the outbox. */
  readonly outboxDeliveryLag = new Histogram({
    name: 'outbox_delivery_lag_seconds',
    help: 'Time from an event being recorded to the relay emitting it.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30, 120],
    registers: [this.registry],
  });

  readonly socketConnections = new Gauge({
    name: 'socket_connections',
    help: 'Open authenticated Socket.IO connections on this process.',
    registers: [this.registry],
  });

  constructor() {
    // Process memory and CPU, event-loop lag, heap, GC, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge read at each scrape from `collect`, which sets its value(s). */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

import { APP_CONFIG, AppConfig } from '@app/config';
import { Metrics } from '@app/metrics';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS_QUEUE } from './bullmq-jobs';
import { bullConnection } from './bull-connection';

/** The states a queue's jobs can be in, as BullMQ counts them. */
export const QUEUE_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'failed',
  'completed',
] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueCounts = Record<QueueState, number>;

/**
 * A read-side handle on the jobs queue in scaled mode, for any process (an API that runs no jobs
 * included): its counts for `queue_jobs` and the operations page, and the queue Bull Board shows.
 * In the other modes there is no queue (jobs run on timers) and everything here is null.
 */
@Injectable()
export class QueueMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  readonly queue: Queue | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, metrics: Metrics) {
    this.queue =
      config.mode === 'scaled' && config.redisUrl
        ? new Queue(JOBS_QUEUE, { connection: bullConnection(config.redisUrl) })
        : null;
    this.queue?.on('error', (error: Error) => this.logger.debug(`queue monitor: ${error.message}`));
    if (!this.queue) return;
    metrics.gauge('queue_jobs', 'Jobs in the queue by state.', ['queue', 'state'], async (g) => {
      const counts = await this.counts().catch(() => null);
      if (!counts) return;
      for (const state of QUEUE_STATES) g.set({ queue: JOBS_QUEUE, state }, counts[state]);
    });
  }

  /** Counts by state; null without a queue (standalone and PostgreSQL-only modes). */
  async counts(): Promise<QueueCounts | null> {
    if (!this.queue) return null;
    const raw = await this.queue.getJobCounts(...QUEUE_STATES);
    return Object.fromEntries(QUEUE_STATES.map((s) => [s, raw[s] ?? 0])) as QueueCounts;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}

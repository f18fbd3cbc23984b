import { JOB_NAMES, JobName, JobPayloads } from '@app/contracts';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobReport } from './job-handler';
import { JobRegistry } from './job-registry';
import { HOURLY_CRON, JOB_ATTEMPTS, JOB_BACKOFF_MS } from './job-schedule';

export const JOBS_QUEUE = 'jobs';

let warnedAt = 0;
/** One line every 10 s at most while Redis is unreachable. */
function warnThrottled(logger: Logger, error: Error): void {
  if (Date.now() - warnedAt < 10_000) return;
  warnedAt = Date.now();
  logger.warn(`queue connection: ${error.message} (BullMQ retries by itself)`);
}

function logBullErrors(queue: Queue): void {
  const logger = new Logger('Jobs');
  queue.on('error', (error: Error) => warnThrottled(logger, error));
}

const jobOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: 200,
  removeOnFail: 500,
};

/**
 * Registers each job's hourly scheduler in Redis (an upsert, so any number of workers agree on
 * one schedule and each run is taken by one worker), and queues a catch-up run per job once per
 * hour whoever starts first (the job id names the hour).
 */
@Injectable()
export class BullJobSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(JOBS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    logBullErrors(queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.scheduledJobs) return;
    const hour = new Date().toISOString().slice(0, 13);
    for (const name of JOB_NAMES) {
      await this.queue.upsertJobScheduler(
        name,
        { pattern: HOURLY_CRON, tz: 'UTC' },
        { name, data: {}, opts: jobOptions },
      );
      await this.queue.add(name, {}, { ...jobOptions, jobId: `catch-up:${name}:${hour}` });
    }
  }

  /** Queues one run now (tests and operators). */
  trigger(name: JobName): Promise<Job> {
    return this.queue.add(name, {}, jobOptions);
  }
}

/** Runs the queue's jobs through the registry, one at a time per process. */
// A crashed worker's job is taken over once its lock lapses: 15 s rather than the default 30 s.
@Processor(JOBS_QUEUE, { concurrency: 1, lockDuration: 15_000, stalledInterval: 15_000 })
export class BullJobProcessor extends WorkerHost {
  private readonly logger = new Logger('Jobs');

  constructor(private readonly registry: JobRegistry) {
    super();
  }

  /** Connection errors while Redis is down: BullMQ reconnects and carries on by itself. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    warnThrottled(this.logger, error);
  }

  async process(job: Job<JobPayloads[JobName], JobReport, JobName>): Promise<JobReport> {
    this.logger.log(`${job.name} started (job ${job.id}, attempt ${job.attemptsMade + 1})`);
    return this.registry.run(job.name, job.data, { attempt: job.attemptsMade + 1 });
  }
}

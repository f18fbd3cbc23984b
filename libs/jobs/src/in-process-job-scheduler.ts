import type { JobName } from '@app/contracts';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, JOB_ORDER, msToNextHour } from './job-schedule';

/**
 * Jobs on timers inside the one process of standalone and PostgreSQL-only deployments: every
 * job once at start (catching up the day rollovers missed while stopped), then every hour at
 * minute 0. Runs never overlap; a failed run is retried with doubling backoff.
 */
@Injectable()
export class InProcessJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly timers = new Set<NodeJS.Timeout>();
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduledJobs) return;
    this.later(1_000, () => this.runAll());
    this.scheduleHourly();
  }

  /** Runs one job now, after whatever is running (tests and operators). */
  trigger(name: JobName): Promise<unknown> {
    return this.enqueue(name, 1);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.chain;
  }

  private scheduleHourly(): void {
    this.later(msToNextHour(new Date()), () => {
      this.scheduleHourly();
      return this.runAll();
    });
  }

  private runAll(): Promise<unknown> {
    return Promise.all(JOB_ORDER.map((name) => this.enqueue(name, 1)));
  }

  private enqueue(name: JobName, attempt: number): Promise<unknown> {
    const run = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await this.registry.run(name, {}, { attempt });
      } catch (error) {
        this.logger.error(`${name} failed (attempt ${attempt}): ${(error as Error).message}`);
        if (attempt < JOB_ATTEMPTS)
          this.later(JOB_BACKOFF_MS * 2 ** (attempt - 1), () => this.enqueue(name, attempt + 1));
      }
    });
    this.chain = run;
    return run;
  }

  private later(ms: number, fn: () => Promise<unknown>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}

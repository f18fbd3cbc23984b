import { Clock, currentRequestId, withLogContext } from '@app/common';
import type { JobName } from '@app/contracts';
import { Metrics } from '@app/metrics';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobReport } from './job-handler';
import { JobRunsRepository } from './job-runs.repository';

/** Job runs are kept this long (GET /api/admin/jobs shows the recent ones). */
export const JOB_RUN_RETENTION_DAYS = 30;

export interface JobRunOptions {
  /** 1 for the first try; schedulers pass their retry count. */
  attempt?: number;
  /** The request that queued the run, when one did; its id follows the run into its logs. */
  requestId?: string | null;
}

/**
 * The one place every scheduled job run goes through (in-process timers and BullMQ processors
 * alike, via JobRegistry): a `job_runs` row before and after, its duration in
 * `job_duration_seconds`, and a log context so every line the run writes names the job, the run
 * and its request id.
 */
@Injectable()
export class JobRunRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');
  private readonly runner = `${hostname()}:${process.pid}`.slice(0, 100);

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Without Redis this is the only process that runs jobs (it holds the database's lock), so a
   * run still marked `running` was cut short when it last stopped: say so. (In scaled mode a
   * worker elsewhere may be mid-run; BullMQ retries a stalled job as a new run.)
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.mode === 'scaled') return;
    const closed = await this.runs.failRunning(
      this.clock.now(),
      'interrupted: the process stopped during the run',
    );
    if (closed > 0) this.logger.warn(`${closed} job run(s) were cut short by the last stop`);
  }

  async record(
    name: JobName,
    options: JobRunOptions,
    work: () => Promise<JobReport>,
  ): Promise<JobReport> {
    const id = randomUUID();
    const requestId = options.requestId ?? currentRequestId();
    const startedAt = this.clock.now();
    await this.runs.start({
      id,
      name,
      runner: this.runner,
      attempt: options.attempt ?? 1,
      startedAt,
      requestId,
    });
    const started = performance.now();
    const finish = async (
      status: 'succeeded' | 'failed',
      counts: JobReport,
      error: string | null,
    ) => {
      const durationMs = Math.round(performance.now() - started);
      this.metrics.jobDuration.observe({ job: name, status }, durationMs / 1000);
      await this.runs.finish(id, {
        status,
        finishedAt: this.clock.now(),
        durationMs,
        counts,
        error,
      });
      return durationMs;
    };
    return withLogContext(
      { reqId: requestId ?? `job-${id}`, job: name, jobRunId: id },
      async () => {
        let report: JobReport;
        try {
          report = await work();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await finish('failed', {}, message.slice(0, 2000)).catch((e: Error) =>
            this.logger.warn(`could not record the failed run of ${name}: ${e.message}`),
          );
          throw error;
        }
        const ms = await finish('succeeded', report, null);
        this.logger.log(`${name} done in ${ms} ms ${JSON.stringify(report)}`);
        await this.forgetOldRuns();
        return report;
      },
    );
  }

  private async forgetOldRuns(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000);
    await this.runs.deleteStartedBefore(cutoff);
  }
}

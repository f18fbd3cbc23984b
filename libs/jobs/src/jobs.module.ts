import { SignedTokens } from '@app/common';
import { AppConfig } from '@app/config';
import { HabitsModule } from '@app/habits';
import { MailModule } from '@app/mail';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { BullJobProcessor, BullJobSchedules, JOBS_QUEUE } from './bullmq-jobs';
import { DayRolloverJob } from './day-rollover.job';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatService } from './heartbeat.service';
import { InProcessJobScheduler } from './in-process-job-scheduler';
import { JOB_HANDLERS, JobHandler } from './job-handler';
import { JobRegistry } from './job-registry';
import { NudgesJob } from './nudges.job';
import { NudgesRepository } from './nudges.repository';
import { RiskDetectionJob } from './risk-detection.job';

const handlers: Type<JobHandler>[] = [DayRolloverJob, RiskDetectionJob, NudgesJob];

/** BullMQ's connection: its own clients, never timing out a blocking command (STACK.md). */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.slice(1) || 0),
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Back within half a second of Redis returning (ioredis waits up to 2 s by default).
    retryStrategy: (times: number) => Math.min(times * 100, 500),
  };
}

/**
 * The scheduled jobs, wired by run mode (SPEC.md §2): standalone and PostgreSQL-only run them on
 * timers inside the API; with Redis they are BullMQ jobs run by workers (and by the API only with
 * JOBS_INLINE=true). Whoever runs jobs also sends the heartbeat.
 */
@Module({})
export class JobsModule {
  static forProcess(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    const base: Provider[] = [
      ...handlers,
      { provide: JOB_HANDLERS, inject: handlers, useFactory: (...all: JobHandler[]) => all },
      JobRegistry,
      NudgesRepository,
      HeartbeatRepository,
      SignedTokens,
    ];
    const imports = [HabitsModule, MailModule];
    if (config.mode !== 'scaled') {
      const runner: Provider[] = role === 'api' ? [InProcessJobScheduler, HeartbeatService] : [];
      return { module: JobsModule, imports, providers: [...base, ...runner], exports: runner };
    }
    const runsJobs = role === 'worker' || config.jobsInline;
    if (!runsJobs) return { module: JobsModule, imports, providers: base };
    return {
      module: JobsModule,
      imports: [
        ...imports,
        BullModule.forRoot({ connection: bullConnection(config.redisUrl!) }),
        BullModule.registerQueue({ name: JOBS_QUEUE }),
      ],
      providers: [...base, BullJobProcessor, BullJobSchedules, HeartbeatService],
      exports: [BullJobSchedules],
    };
  }
}

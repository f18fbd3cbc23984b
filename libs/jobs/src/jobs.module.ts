import { SignedTokens } from '@app/common';
import { AppConfig } from '@app/config';
import { HabitsModule } from '@app/habits';
import { MailModule } from '@app/mail';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { bullConnection } from './bull-connection';
import { BullJobProcessor, BullJobSchedules, JOBS_QUEUE } from './bullmq-jobs';
import { DayRolloverJob } from './day-rollover.job';
import { HeartbeatRepository } from './heartbeat.repository';
import { HeartbeatService } from './heartbeat.service';
import { InProcessJobScheduler } from './in-process-job-scheduler';
import { JOB_HANDLERS, JobHandler } from './job-handler';
import { JobRegistry } from './job-registry';
import { JobRunRecorder } from './job-run-recorder';
import { JobRunsRepository } from './job-runs.repository';
import { NudgesJob } from './nudges.job';
import { NudgesRepository } from './nudges.repository';
import { QueueMonitor } from './queue-monitor';
import { RiskDetectionJob } from './risk-detection.job';

const handlers: Type<JobHandler>[] = [DayRolloverJob, RiskDetectionJob, NudgesJob];

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
      JobRunRecorder,
      JobRunsRepository,
      QueueMonitor,
      SignedTokens,
    ];
    const monitoring = [JobRunsRepository, QueueMonitor];
    const imports = [HabitsModule, MailModule];
    if (config.mode !== 'scaled') {
      const runner: Provider[] = role === 'api' ? [InProcessJobScheduler, HeartbeatService] : [];
      return {
        module: JobsModule,
        imports,
        providers: [...base, ...runner],
        exports: [...runner, ...monitoring],
      };
    }
    const runsJobs = role === 'worker' || config.jobsInline;
    if (!runsJobs) return { module: JobsModule, imports, providers: base, exports: monitoring };
    return {
      module: JobsModule,
      imports: [
        ...imports,
        BullModule.forRoot({ connection: bullConnection(config.redisUrl!) }),
        BullModule.registerQueue({ name: JOBS_QUEUE }),
      ],
      providers: [...base, BullJobProcessor, BullJobSchedules, HeartbeatService],
      exports: [BullJobSchedules, ...monitoring],
    };
  }
}

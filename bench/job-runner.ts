/**
 * `node dist/bench/job-runner.js JOB [JOB …]` (DATABASE_URL, JWT_SECRET in the environment):
 * boots the same modules as a process that runs jobs in PostgreSQL mode, runs each named job
 * once through the JobRegistry, in order, and prints one `BENCH_JOB {json}` line per run
 * (wall and CPU time, the job's report, SQL statements, peak RSS, habit rows changed).
 */
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { requireDist } from './util';

type CommonLib = typeof import('@app/common');
type ConfigLib = typeof import('@app/config');
type DatabaseLib = typeof import('@app/database');
type UnitOfWorkLib = typeof import('@app/unit-of-work');
type CacheLib = typeof import('@app/cache');
type MailLib = typeof import('@app/mail');
type JobsLib = typeof import('@app/jobs');
type MetricsLib = typeof import('@app/metrics');
type ContractsLib = typeof import('@app/contracts');

export interface JobRun {
  name: string;
  ms: number;
  cpuMs: number;
  report: Record<string, number>;
  statements: number;
  peakRssMb: number;
  /** Habit rows the run changed (the sum of their `version` before and after it). */
  habitsChanged: number;
}

async function main(names: string[]): Promise<void> {
  const { Clock, ClockModule, RedisModule, logLevels } = requireDist<CommonLib>(
    'libs/common/src/index.js',
  );
  // The bench moves the job's clock days ahead (BENCH_DAYS_AHEAD): every user's day has started
  // since the statistics were computed, as at the first run after midnight.
  const daysAhead = Number(process.env.BENCH_DAYS_AHEAD ?? 0);
  class AheadClock extends Clock {
    now(): Date {
      return new Date(Date.now() + daysAhead * 86_400_000);
    }
  }
  const { ConfigModule, loadConfig } = requireDist<ConfigLib>('libs/config/src/index.js');
  const { DatabaseModule } = requireDist<DatabaseLib>('libs/database/src/index.js');
  const { withQueryCounter, currentQueryCount } = requireDist<DatabaseLib>(
    'libs/database/src/query-counter.js',
  );
  const { UnitOfWorkModule } = requireDist<UnitOfWorkLib>('libs/unit-of-work/src/index.js');
  const { CacheModule } = requireDist<CacheLib>('libs/cache/src/index.js');
  const { MailModule } = requireDist<MailLib>('libs/mail/src/index.js');
  const { JobsModule, JobRegistry } = requireDist<JobsLib>('libs/jobs/src/index.js');
  const { MetricsModule } = requireDist<MetricsLib>('libs/metrics/src/index.js');
  const { JOB_NAMES } = requireDist<ContractsLib>('libs/contracts/src/index.js');
  for (const name of names)
    if (!(JOB_NAMES as readonly string[]).includes(name))
      throw new Error(`unknown job ${name}; one of ${JOB_NAMES.join(', ')}`);

  const config = loadConfig();
  class JobRunnerModule {}
  const app = await NestFactory.createApplicationContext(
    {
      module: JobRunnerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(new AheadClock()),
        DatabaseModule.forRoot(),
        RedisModule,
        MetricsModule,
        UnitOfWorkModule,
        CacheModule,
        MailModule,
        JobsModule.forProcess(config, 'api'),
      ],
    },
    { logger: logLevels('warn'), abortOnError: false },
  );
  await app.init();
  // Started ahead of time by the bench: ready, then wait for its "go" (a line on stdin).
  if (process.env.BENCH_JOB_WAIT === 'true') {
    console.log('BENCH_READY');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  }
  try {
    const registry = app.get(JobRegistry);
    const dataSource = app.get(DataSource);
    const versions = async () =>
      Number((await dataSource.query('SELECT sum(version) AS v FROM habits'))[0].v ?? 0);
    for (const name of names) {
      const versionsBefore = await versions();
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 100);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const { report, statements } = await withQueryCounter(async () => {
        const report = await registry.run(name as (typeof JOB_NAMES)[number], {});
        return { report, statements: currentQueryCount() };
      });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      clearInterval(sampler);
      const run: JobRun = {
        name,
        ms,
        cpuMs: (used.user + used.system) / 1000,
        report,
        statements,
        peakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20,
        habitsChanged: (await versions()) - versionsBefore,
      };
      console.log(`BENCH_JOB ${JSON.stringify(run)}`);
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

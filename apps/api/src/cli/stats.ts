/**
 * `npm run stats:verify`: recomputes every habit and goal from the logs as of its statsAsOf and
 * lists the differences (exit 1 when there are any). `npm run stats:rebuild`: recomputes every
 * user as of their today. Uses the configured database (standalone: the embedded one, so stop
 * the app first — it holds DATA_DIR).
 */
import { ClockModule, logLevels } from '@app/common';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { UnitOfWorkModule } from '@app/unit-of-work';
import { HabitsModule, StatsVerifier } from '@app/habits';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'verify' && command !== 'rebuild') {
    console.error('usage: stats.js verify|rebuild');
    return 2;
  }
  const config = loadConfig();
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule.forRoot(),
      DatabaseModule.forRoot(),
      UnitOfWorkModule,
      HabitsModule,
    ],
  })
  class StatsCliModule {}
  const app = await NestFactory.createApplicationContext(StatsCliModule, {
    logger: logLevels('warn'),
    abortOnError: false,
  });
  try {
    const verifier = app.get(StatsVerifier);
    if (command === 'rebuild') {
      console.log(`recomputed ${await verifier.rebuild()} users`);
      return 0;
    }
    const differences = await verifier.verify();
    for (const d of differences) {
      console.log(
        `${d.kind} ${d.id} ${d.field}: stored ${JSON.stringify(d.stored)}, expected ${JSON.stringify(d.expected)}`,
      );
    }
    console.log(`${differences.length} differences`);
    return differences.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

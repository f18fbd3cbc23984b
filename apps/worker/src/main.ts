import { appLogger, exitCleanlyOnSignals, exitOnUnhandledRejection } from '@app/common';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  exitOnUnhandledRejection('Worker');
  const config = loadConfig();
  if (config.mode !== 'scaled') {
    throw new ConfigError(
      'the worker needs DATABASE_URL and REDIS_URL; without REDIS_URL the jobs run inside the API process',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    abortOnError: false,
    logger: appLogger({ level: config.logLevel, format: config.logFormat }),
  });
  exitCleanlyOnSignals(app, 'Worker');
  await app.init();
  new Logger('Worker').log(`ready (pid ${process.pid})`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? `habit-tracker worker: ${error.message}`
      : 'habit-tracker worker: failed to start',
    error instanceof ConfigError ? '' : error,
  );
  process.exit(1);
});

import * as fs from 'node:fs';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { StatsVerifier } from '../../libs/habits/src/stats-verifier.service';
import { AppConfig, loadConfig } from '../../libs/config/src';
import { createPgDatabase } from './pg-database';
import { copyPgliteTemplate } from './pglite-template';
import { TEST_JWT_SECRET, testDb, testRedisUrl } from './services';
import { TestClock } from './test-clock';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  config: AppConfig;
  dataSource: DataSource;
  /** The app's clock: `t.clock.set('2026-03-08T12:00:00Z')` pins "now". */
  clock: TestClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment, as a user would set it (e.g. REGISTRATION=closed). */
  env?: Record<string, string>;
  /** Use Redis as well (scaled mode); only with TEST_DB=postgres. */
  redis?: boolean;
  /** Probe modules mounted beside the real ones. */
  imports?: Type[];
  /** Start instant of the app's clock (default: the real now). */
  now?: Date | string;
  /** Where the app's log lines go (default: standard output). */
  logDestination?: DestinationStream;
}

/**
 * The real API application, in-process, on a database of its own: a new PostgreSQL database
 * (TEST_DB=postgres) or a copy of the migrated PGlite template (standalone mode). Migrations
 * run at start exactly as in production.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const base = {
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: 'none',
    NODE_ENV: 'test',
    QUERY_COUNT_HEADER: 'true',
    SCHEDULED_JOBS: 'false',
    ...options.env,
  };
  if (testDb() === 'postgres') {
    const db = await createPgDatabase();
    const config = loadConfig({
      ...base,
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      DB_POOL_SIZE: '10',
      ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}),
    });
    return launch(config, options, () => db.drop());
  }
  const dataDir = copyPgliteTemplate();
  const config = loadConfig({ ...base, DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET });
  return launch(config, options, async () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

async function launch(
  config: AppConfig,
  options: TestAppOptions,
  cleanup: () => Promise<void>,
): Promise<TestApp> {
  const clock = new TestClock(options.now);
  let app: NestExpressApplication | undefined;
  try {
    app = await createApiApp(config, {
      clock,
      imports: options.imports,
      logDestination: options.logDestination,
    });
    await app.init();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await cleanup();
    throw error;
  }
  const started = app;
  return {
    app: started,
    http: started.getHttpServer() as App,
    config,
    dataSource: started.get(DataSource),
    clock,
    // Every suite ends by checking the stored-statistics invariant (what `stats:verify` checks).
    close: async () => {
      const differences = await started
        .get(StatsVerifier)
        .verify()
        .finally(async () => {
          try {
            await started.close();
          } finally {
            await cleanup();
          }
        });
      if (differences.length > 0) {
        throw new Error(
          `stored statistics differ from a recomputation:\n${JSON.stringify(differences, null, 2)}`,
        );
      }
    },
  };
}

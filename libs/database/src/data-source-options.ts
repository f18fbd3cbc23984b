import type { AppConfig } from '@app/config';
import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { EmbeddedConnection } from './embedded-postgres';
import { EMBEDDED_POOL_SIZE } from './embedded-postgres';
import { entities } from './entities';
import { migrations } from './migrations';
import { QueryCountingLogger } from './query-counter';

// `date` columns stay 'YYYY-MM-DD' strings: a JS Date at local midnight shifts days east of UTC.
pg.types.setTypeParser(1082, (value: string) => value);

/** TypeORM options for the configured database: PostgreSQL by URL, or the embedded server. */
export function dataSourceOptions(
  config: AppConfig,
  embedded?: EmbeddedConnection,
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Counted, never printed: see QueryCountingLogger.
    logging: ['query' as const, 'error' as const],
    logger: new QueryCountingLogger(),
  };
  if (config.databaseUrl) {
    return {
      ...common,
      url: config.databaseUrl,
      applicationName: 'habit-tracker',
      extra: { max: config.dbPoolSize, connectionTimeoutMillis: 10_000 },
    };
  }
  if (!embedded) throw new Error('standalone mode needs the embedded database to be started first');
  return {
    ...common,
    host: embedded.host,
    port: embedded.port,
    username: embedded.username,
    database: embedded.database,
    // Requests wait their turn for the one connection; give a burst time to drain.
    extra: { max: EMBEDDED_POOL_SIZE, connectionTimeoutMillis: 60_000 },
  };
}

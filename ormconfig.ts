// The DataSource for the TypeORM CLI (`typeorm migration:run -d dist/ormconfig.js`) and for
// `npm run migration:run`. Standalone deployments migrate at start instead.
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { DataSource } from 'typeorm';

const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error(
    'ormconfig: set DATABASE_URL (standalone mode migrates the embedded database at start)',
  );
}

export default new DataSource(dataSourceOptions(config));

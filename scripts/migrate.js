#!/usr/bin/env node
// `npm run migration:run`: applies pending migrations to DATABASE_URL under the same advisory
// lock the processes take at start (for deployments that set MIGRATE_ON_START=false).
const path = require('node:path');
const { build } = require('./build');

build();
const dist = path.join(__dirname, '..', 'dist');
const { runMigrations } = require(path.join(dist, 'libs', 'database', 'src', 'migrate.js'));
const dataSource = require(path.join(dist, 'ormconfig.js')).default;

dataSource
  .initialize()
  .then(async () => {
    const applied = await runMigrations(dataSource);
    console.log(
      applied.length
        ? `applied: ${applied.map((m) => m.name).join(', ')}`
        : 'no pending migrations',
    );
    await dataSource.destroy();
  })
  .catch((error) => {
    console.error(`migration failed: ${error.message}`);
    process.exit(1);
  });

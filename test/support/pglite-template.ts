import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
// Direct file imports: this also runs in Jest's globalSetup, which must not load NestJS.
import { loadConfig } from '../../libs/config/src/app-config';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { EmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { runMigrations } from '../../libs/database/src/migrate';

/**
 * Initialising a PGlite database costs seconds and ~0.8 GB, so a run migrates one data
 * directory and every suite starts from a copy of it (STACK.md).
 */
export async function createPgliteTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-pglite-template-'));
  const embedded = await EmbeddedPostgres.start(dir);
  try {
    const dataSource = new DataSource(
      dataSourceOptions(loadConfig({ DATA_DIR: dir }), embedded.connection),
    );
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
  } finally {
    await embedded.stop();
  }
  return dir;
}

/** A private copy of the migrated template for one suite. */
export function copyPgliteTemplate(): string {
  const template = process.env.PGLITE_TEMPLATE_DIR;
  if (!template)
    throw new Error('PGLITE_TEMPLATE_DIR is not set: run the http project through its globalSetup');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-pglite-'));
  fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
  return dir;
}

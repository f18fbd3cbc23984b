import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { requireDist } from './util';

type DatabaseLib = typeof import('@app/database');
type ConfigLib = typeof import('@app/config');

/** A database URL on the same server as `adminUrl`, for database `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'habit-tracker-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await withClient(adminUrl, (c) =>
    c.query(
      `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
    ),
  );
}

/** Drops the database even if a stopped process left a connection behind (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string) {
  await withClient(adminUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Applies the app's migrations with its own runner (the one `npm run migration:run` uses). */
export async function migrate(url: string, jwtSecret: string): Promise<string[]> {
  const { loadConfig } = requireDist<ConfigLib>('libs/config/src/app-config.js');
  const { dataSourceOptions } = requireDist<DatabaseLib>(
    'libs/database/src/data-source-options.js',
  );
  const { runMigrations } = requireDist<DatabaseLib>('libs/database/src/migrate.js');
  const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: jwtSecret });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    return (await runMigrations(dataSource)).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(
    url,
    async (c) => (await c.query('SHOW server_version')).rows[0].server_version,
  );
}

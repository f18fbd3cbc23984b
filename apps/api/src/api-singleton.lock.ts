import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';

/** Arbitrary fixed key for "the one API process of a PostgreSQL-without-Redis deployment". */
const API_LOCK_KEY = 727_1002;

export class ApiAlreadyRunningError extends Error {
  constructor() {
    super(
      'another API process is already running on this database; without REDIS_URL only one may run ' +
        '(set REDIS_URL to run several API and worker processes)',
    );
    this.name = 'ApiAlreadyRunningError';
  }
}

/**
 * With DATABASE_URL and no REDIS_URL, events and jobs live inside one process, so a second API
 * process would miss events and run jobs twice: hold a session advisory lock on a dedicated
 * connection for the process's lifetime (SPEC.md §2). Standalone has its PID file instead.
 */
@Injectable()
export class ApiSingletonLock implements OnModuleInit, OnApplicationShutdown {
  private client: Client | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.mode !== 'postgres' || !this.config.databaseUrl) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'habit-tracker-api-lock',
    });
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [API_LOCK_KEY],
    );
    if (!rows[0]?.locked) {
      await client.end();
      throw new ApiAlreadyRunningError();
    }
    client.on('error', () => undefined); // the server going away ends the lock with the session
    this.client = client;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.end();
    this.client = null;
  }
}

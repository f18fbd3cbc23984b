import { DataSource, Migration, MigrationExecutor } from 'typeorm';

/** Arbitrary fixed key: every process of this product serialises its migrations on it. */
const MIGRATION_LOCK_KEY = 727_1001;

/**
 * Runs pending migrations in one transaction under a transaction-level advisory lock, so API
 * and worker processes starting at once on an empty database apply each migration once (the
 * others wait, then find nothing pending). Transaction-level, because PGlite's connections
 * share one backend and a session lock would be shared too.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'none'; // we hold the transaction (and with it the lock)
    const applied = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return applied;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

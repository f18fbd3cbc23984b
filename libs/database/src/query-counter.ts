import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

/** Runs `fn` with a fresh SQL statement counter (one per HTTP request). */
export function withQueryCounter<T>(fn: () => T): T {
  return storage.run({ statements: 0 }, fn);
}

/** Statements sent so far in the current request (0 outside one). */
export function currentQueryCount(): number {
  return storage.getStore()?.statements ?? 0;
}

/**
 * A TypeORM logger that prints nothing and counts each statement against the request it runs
 * for, so tests (and operators, with QUERY_COUNT_HEADER=true) can see N+1 patterns.
 */
export class QueryCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const counter = storage.getStore();
    if (counter) counter.statements++;
  }
  logQueryError(): void {
    this.logQuery();
  }
  logQuerySlow(): void {
    // already counted by logQuery
  }
  logSchemaBuild(): void {
    // schema building is never used (migrations only)
  }
  logMigration(): void {
    // migrations log through their own runner
  }
  log(): void {
    // TypeORM's informational messages are not needed
  }
}

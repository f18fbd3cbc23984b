/**
 * Preloaded (`node --require dist/bench/pg-trace.js …`) into a process started only to list its
 * SQL: appends every statement sent through node-postgres, with its connection and time, as one
 * JSON line to $BENCH_PG_TRACE. Never loaded into a process that is being measured.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TracedStatement {
  /** Milliseconds (monotonic) when the statement was sent. */
  t: number;
  /** Which pooled connection sent it. */
  c: number;
  text: string;
}

const file = process.env.BENCH_PG_TRACE;
if (file) {
  // The pg the traced program loads: resolved from the repository, like the app's.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require(require.resolve('pg', { paths: [path.join(__dirname, '..', '..')] }));
  const query = pg.Client.prototype.query;
  const ids = new WeakMap<object, number>();
  let next = 0;
  pg.Client.prototype.query = function (this: object, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (typeof text === 'string') {
      if (!ids.has(this)) ids.set(this, ++next);
      const line: TracedStatement = { t: performance.now(), c: ids.get(this)!, text };
      fs.appendFileSync(file, JSON.stringify(line) + '\n');
    }
    return query.call(this, config, ...rest);
  };
}

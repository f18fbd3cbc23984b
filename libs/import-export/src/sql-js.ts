import initSqlJs, { type SqlJsStatic } from 'sql.js';

let sqlJs: Promise<SqlJsStatic> | null = null;

/** sql.js (SQLite in WebAssembly, no native build), loaded once per process. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  return sqlJs;
}

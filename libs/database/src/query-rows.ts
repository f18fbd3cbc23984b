import type { EntityManager } from 'typeorm';

/**
 * Raw SQL rows. TypeORM answers UPDATE/DELETE … RETURNING as `[rows, affectedCount]` and other
 * statements as `rows`; this always gives the rows.
 */
export async function queryRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const raw: unknown = await manager.query(sql, parameters);
  if (
    Array.isArray(raw) &&
    raw.length === 2 &&
    Array.isArray(raw[0]) &&
    typeof raw[1] === 'number'
  ) {
    return raw[0] as T[];
  }
  return raw as T[];
}

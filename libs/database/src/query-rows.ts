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

const TIMESTAMP_TYPES = new Set<unknown>([
  'timestamptz',
  'timestamp with time zone',
  'timestamp',
  Date,
]);

/**
 * An entity from a row that PostgreSQL built as JSON (`row_to_json`), by the entity's column
 * mapping: keys are column names; timestamps become Dates and column transformers apply, as in
 * TypeORM's hydration, without its query builder. Keys that are no column are ignored.
 */
export function entityFromJson<T extends object>(
  manager: EntityManager,
  target: new () => T,
  row: Record<string, unknown>,
): T {
  const entity = new target() as Record<string, unknown>;
  for (const column of manager.connection.getMetadata(target).columns) {
    let value = row[column.databaseName];
    if (value === undefined) continue;
    const timestamp =
      TIMESTAMP_TYPES.has(column.type) || column.isCreateDate || column.isUpdateDate;
    if (value !== null && timestamp) value = new Date(value as string);
    const transformer = column.transformer;
    if (transformer && !Array.isArray(transformer)) value = transformer.from(value);
    entity[column.propertyName] = value;
  }
  return entity as T;
}

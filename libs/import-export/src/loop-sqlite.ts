import type { LocalDate } from '@app/contracts';
import { isValidLocalDate } from '@app/domain';
import type { Database, SqlValue } from 'sql.js';
import { importRefused } from './import-error';
import type { ImportPlan } from './import-plan';
import { MAX_IMPORT_HABITS, MAX_IMPORT_LOGS, MAX_LOOP_USER_VERSION } from './limits';
import { type LoopHabit, type LoopRepetition, mapLoopHabits } from './loop-mapping';
import { loadSqlJs } from './sql-js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export const isSqlite = (data: Uint8Array): boolean =>
  data.length >= 16 && Buffer.from(data.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC;

const malformed = (what: string) =>
  importRefused('IMPORT_MALFORMED', `The Loop backup cannot be read (${what}).`);

/** The UTC calendar date of a Loop timestamp (ms at UTC midnight). */
export function loopTimestampDate(ms: number): LocalDate | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const text = date.toISOString().slice(0, 10);
  return isValidLocalDate(text) ? text : null;
}

function rows(db: Database, sql: string): Record<string, SqlValue>[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) =>
    Object.fromEntries(result.columns.map((column, index) => [column, values[index]])),
  );
}

const num = (value: SqlValue | undefined, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const text = (value: SqlValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

/**
 * A Loop Habit Tracker backup (SQLite, `user_version` ≤ 25, tables `Habits` and `Repetitions`)
 * as an import plan. Only real tables are read (a view could compute without end), their row
 * counts are checked before any row is read, and columns newer Loop versions added are optional.
 */
export async function parseLoopSqlite(data: Uint8Array, today: LocalDate): Promise<ImportPlan> {
  const SQL = await loadSqlJs();
  let db: Database;
  try {
    db = new SQL.Database(data);
  } catch (error) {
    throw malformed((error as Error).message);
  }
  try {
    let version: number;
    let tables: Set<string>;
    try {
      version = num(rows(db, 'PRAGMA user_version')[0]?.user_version, -1);
      tables = new Set(
        rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)),
      );
    } catch (error) {
      throw malformed((error as Error).message);
    }
    if (version > MAX_LOOP_USER_VERSION) {
      throw importRefused(
        'IMPORT_VERSION_UNSUPPORTED',
        `This Loop backup has schema version ${version}; versions up to ${MAX_LOOP_USER_VERSION} can be read.`,
      );
    }
    if (!tables.has('Habits') || !tables.has('Repetitions'))
      throw malformed('no Habits and Repetitions tables: not a Loop Habit Tracker backup');
    return readLoop(db, today);
  } finally {
    db.close();
  }
}

function readLoop(db: Database, today: LocalDate): ImportPlan {
  try {
    const columnsOf = (table: string) =>
      new Set(rows(db, `PRAGMA table_info(${table})`).map((r) => String(r.name)));
    const habitColumns = columnsOf('Habits');
    const repColumns = columnsOf('Repetitions');
    for (const required of ['id', 'name', 'freq_num', 'freq_den', 'archived'])
      if (!habitColumns.has(required)) throw malformed(`Habits has no column ${required}`);
    for (const required of ['habit', 'timestamp', 'value'])
      if (!repColumns.has(required)) throw malformed(`Repetitions has no column ${required}`);

    const habitCount = num(rows(db, 'SELECT count(*) AS n FROM Habits')[0]?.n);
    const repCount = num(rows(db, 'SELECT count(*) AS n FROM Repetitions')[0]?.n);
    if (habitCount > MAX_IMPORT_HABITS || repCount > MAX_IMPORT_LOGS) {
      throw importRefused(
        'IMPORT_TOO_MANY_ROWS',
        `The backup holds ${habitCount} habits and ${repCount} repetitions; at most ${MAX_IMPORT_HABITS} and ${MAX_IMPORT_LOGS} can be imported.`,
      );
    }
    const optional = (column: string, fallback: string) =>
      habitColumns.has(column) ? column : `${fallback} AS ${column}`;
    const habitRows = rows(
      db,
      `SELECT id, name, freq_num, freq_den, archived,
         ${optional('description', 'NULL')}, ${optional('question', 'NULL')},
         ${optional('type', '0')}, ${optional('position', 'id')}, ${optional('color', 'NULL')},
         ${optional('unit', 'NULL')}, ${optional('target_type', '0')},
         ${optional('target_value', '0')}, ${optional('uuid', 'NULL')}
       FROM Habits ORDER BY position, id`,
    );
    const byId = new Map<number, LoopHabit>();
    const repetitions = new Map<LoopHabit, LoopRepetition[]>();
    for (const r of habitRows) {
      const habit: LoopHabit = {
        uuid: text(r.uuid),
        name: text(r.name) ?? String(r.name ?? ''),
        description: text(r.description),
        question: text(r.question),
        type: num(r.type),
        freqNum: num(r.freq_num, 1),
        freqDen: num(r.freq_den, 1),
        archived: num(r.archived) !== 0,
        position: num(r.position),
        color: typeof r.color === 'number' ? r.color : null,
        unit: text(r.unit),
        targetType: num(r.target_type),
        targetValue: num(r.target_value),
      };
      byId.set(num(r.id), habit);
      repetitions.set(habit, []);
    }
    const notes = repColumns.has('notes') ? 'notes' : 'NULL AS notes';
    const statement = db.prepare(`SELECT habit, timestamp, value, ${notes} FROM Repetitions`);
    try {
      while (statement.step()) {
        const [habitId, timestamp, value, note] = statement.get();
        const habit = byId.get(num(habitId, -1));
        if (!habit) continue;
        repetitions.get(habit)!.push({
          date: loopTimestampDate(num(timestamp, Number.NaN)) ?? 'invalid',
          value: num(value, -1),
          notes: text(note),
        });
      }
    } finally {
      statement.free();
    }
    return mapLoopHabits('loop_sqlite', [...byId.values()], repetitions, today);
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw malformed((error as Error).message);
  }
}

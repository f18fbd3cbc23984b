import type { LocalDate } from '@app/contracts';
import { HabitLogEntity, queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { Between, EntityManager } from 'typeorm';

export type StoredLog = Pick<HabitLogEntity, 'id' | 'habitId' | 'logDate' | 'status' | 'notes'> & {
  /** Measurable habits only (absent from a check habit's write). */
  value?: number | null;
};

/** A measurable habit's write: a value (status `done`) or a skip (`value` null). */
export interface ValueWrite {
  habitId: string;
  logDate: LocalDate;
  value: number | null;
  /** `undefined` keeps the day's notes; `null` clears them. */
  notes: string | null | undefined;
}

/** numeric(12,3) as pg hands it (exact decimal text) → the number it denotes; see numericToNumber. */
const numeric = (text: string | null): number | null => (text === null ? null : Number(text));

const VALUE_RETURNING = `RETURNING id, habit_id AS "habitId", log_date AS "logDate", status, notes,
         value::text AS value, (xmax = 0) AS inserted`;

export interface LogWrite {
  habitId: string;
  logDate: LocalDate;
  status: HabitLogEntity['status'];
  /** `undefined` keeps the day's notes (a one-tap toggle); `null` clears them. */
  notes: string | null | undefined;
}

/** The queries on `habit_logs`. */
@Injectable()
export class HabitLogsRepository {
  /** Creates or replaces the log of (habit, day); `inserted` tells which. One statement. */
  async upsert(
    manager: EntityManager,
    write: LogWrite,
    now: Date,
  ): Promise<{ log: StoredLog; inserted: boolean }> {
    const rows = await queryRows<StoredLog & { inserted: boolean }>(
      manager,
      `INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (habit_id, log_date) DO UPDATE
         SET status = excluded.status,
             notes = CASE WHEN $6 THEN habit_logs.notes ELSE excluded.notes END,
             updated_at = excluded.updated_at
       RETURNING id, habit_id AS "habitId", log_date AS "logDate", status, notes, (xmax = 0) AS inserted`,
      [
        write.habitId,
        write.logDate,
        write.status,
        write.notes ?? null,
        now,
        write.notes === undefined,
      ],
    );
    const { inserted, ...log } = rows[0];
    return { log, inserted };
  }

  /**
   * A measurable habit's day set to a value (status `done`) or skipped (value null), created or
   * replaced; one statement. Values go to PostgreSQL as decimal text and come back exact.
   */
  async upsertValue(
    manager: EntityManager,
    write: ValueWrite,
    now: Date,
  ): Promise<{ log: StoredLog; inserted: boolean }> {
    const rows = await queryRows<
      Omit<StoredLog, 'value'> & { value: string | null; inserted: boolean }
    >(
      manager,
      `INSERT INTO habit_logs (habit_id, log_date, status, notes, value, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::numeric, $6, $6)
       ON CONFLICT (habit_id, log_date) DO UPDATE
         SET status = excluded.status, value = excluded.value,
             notes = CASE WHEN $7 THEN habit_logs.notes ELSE excluded.notes END,
             updated_at = excluded.updated_at
       ${VALUE_RETURNING}`,
      [
        write.habitId,
        write.logDate,
        write.value === null ? 'skipped' : 'done',
        write.notes ?? null,
        write.value === null ? null : String(write.value),
        now,
        write.notes === undefined,
      ],
    );
    const { inserted, value, ...log } = rows[0];
    return { log: { ...log, value: numeric(value) }, inserted };
  }

  /**
   * Adds to a measurable habit's day atomically (`add`, quick taps): concurrent adds sum exactly
   * because the sum is taken by the row's own upsert (a skipped or new day counts from 0). Null
   * when the sum would pass `max` (nothing written). One statement.
   */
  async addValue(
    manager: EntityManager,
    write: Omit<ValueWrite, 'value'> & { add: number },
    max: number,
    now: Date,
  ): Promise<{ log: StoredLog; inserted: boolean } | null> {
    const rows = await queryRows<
      Omit<StoredLog, 'value'> & { value: string | null; inserted: boolean }
    >(
      manager,
      `INSERT INTO habit_logs (habit_id, log_date, status, notes, value, created_at, updated_at)
       VALUES ($1, $2, 'done', $3, $4::numeric, $5, $5)
       ON CONFLICT (habit_id, log_date) DO UPDATE
         SET value = COALESCE(habit_logs.value, 0) + EXCLUDED.value, status = 'done',
             notes = CASE WHEN $6 THEN habit_logs.notes ELSE excluded.notes END,
             updated_at = excluded.updated_at
         WHERE COALESCE(habit_logs.value, 0) + EXCLUDED.value <= $7::numeric
       ${VALUE_RETURNING}`,
      [
        write.habitId,
        write.logDate,
        write.notes ?? null,
        String(write.add),
        now,
        write.notes === undefined,
        String(max),
      ],
    );
    if (rows.length === 0) return null;
    const { inserted, value, ...log } = rows[0];
    return { log: { ...log, value: numeric(value) }, inserted };
  }

  /** The habit's logs dated in [from, to], oldest first. */
  between(
    manager: EntityManager,
    habitId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<HabitLogEntity[]> {
    return manager.getRepository(HabitLogEntity).find({
      where: { habitId, logDate: Between(from, to) },
      order: { logDate: 'ASC' },
    });
  }

  /** The habit of the user's log, or null when the log is not the user's (or does not exist). */
  async habitOfOwnedLog(
    manager: EntityManager,
    userId: string,
    logId: string,
  ): Promise<string | null> {
    const rows = await queryRows<{ habit_id: string }>(
      manager,
      'SELECT l.habit_id FROM habit_logs l JOIN habits h ON h.id = l.habit_id WHERE l.id = $1 AND h.user_id = $2',
      [logId, userId],
    );
    return rows[0]?.habit_id ?? null;
  }

  /** Deletes the habit's log and answers its day; null when it was already gone. */
  async delete(manager: EntityManager, habitId: string, logId: string): Promise<LocalDate | null> {
    const rows = await queryRows<{ log_date: LocalDate }>(
      manager,
      'DELETE FROM habit_logs WHERE id = $1 AND habit_id = $2 RETURNING log_date',
      [logId, habitId],
    );
    return rows[0]?.log_date ?? null;
  }
}

import type { LocalDate } from '@app/contracts';
import { HabitEntity, HabitLogEntity, queryRows } from '@app/database';
import { addDays, statsWindowStart } from '@app/domain';
import { LockedGoal, lockedGoalsColumn, lockedGoalsFrom } from '@app/goal-progress';
import {
  habitWithRecordsFrom,
  habitWithRecordsSelect,
  RECENT_DAYS,
  type HabitRecords,
  type RecordsRow,
} from '@app/habits';
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

/** A log write's or undo's statement: the habit as locked before it, and what it did. */
export interface LockedHabitWrite<T> {
  /** Null when the habit (or log) is not the user's. */
  habit: HabitEntity | null;
  /** The habit's records before the write (see `HabitsRepository.lockOwnedWithRecords`). */
  records: HabitRecords | null;
  /** The goals linked to the habit, locked, with their counts before the write. */
  goals: LockedGoal[];
  /** What the write did; null when it wrote nothing (see each method). */
  result: T | null;
}

type LockedRow = Omit<RecordsRow, 'id'> & {
  habit: Record<string, unknown> | null;
  goals: Parameters<typeof lockedGoalsFrom>[1];
};

// The parameters every locked-write statement shares: $1 user, $2 today, $3 the recent days'
// first day, $4 the stats window's first day (all text); the write's own start at $5.
const habitColumns = (changedFrom: string): string =>
  habitWithRecordsSelect('h', {
    today: '$2::text',
    recentFrom: '$3::text',
    changedFrom,
    window: '$4::text',
  });

/**
 * A log write in ONE statement (the user's row is already locked): the habit locked with its
 * records as before the write (its checkpoint and recent logs only when the log is dated after
 * the checkpoint), the upsert as a data-modifying CTE (which the records do not see), and the
 * linked goals locked with their counts. The upsert happens only for an owned check habit, a
 * status ($6, null: none) and a day from its start to today ($5 day, $7 notes, $8 now, $9 keep
 * the notes); a measurable habit's write is its own statement (`upsertValue`, `addValue`).
 */
const LOCK_AND_UPSERT_SQL = `WITH h AS (
   SELECT * FROM habits WHERE id = $10 AND user_id = $1 FOR UPDATE
 ), written AS (
   INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
   SELECT h.id, $5::date, $6::varchar, $7::text, $8::timestamptz, $8::timestamptz FROM h
   WHERE $5::date <= $2::date AND $5::date >= h.start_date
     AND h.kind = 'check' AND $6::varchar IS NOT NULL
   ON CONFLICT (habit_id, log_date) DO UPDATE
     SET status = excluded.status,
         notes = CASE WHEN $9::boolean THEN habit_logs.notes ELSE excluded.notes END,
         updated_at = excluded.updated_at
   RETURNING id, habit_id AS "habitId", log_date::text AS "logDate", status, notes,
     (xmax = 0) AS inserted
 )
 SELECT ${habitColumns('$5::text')},
   (SELECT row_to_json(w) FROM written w) AS result,
   ${lockedGoalsColumn('h.id', '$2::date')} AS goals
 FROM h`;

/**
 * An undo in ONE statement (the user's row is already locked): the log's habit locked with its
 * records as before the delete (from the checkpoint when the log is dated after it), the
 * DELETE as a data-modifying CTE answering the log's day, and the linked goals ($5 the log).
 */
const LOCK_AND_DELETE_SQL = `WITH t AS (
   SELECT habit_id, log_date FROM habit_logs WHERE id = $5
 ), h AS (
   SELECT habits.* FROM habits JOIN t ON t.habit_id = habits.id
   WHERE habits.user_id = $1 FOR UPDATE OF habits
 ), removed AS (
   DELETE FROM habit_logs l USING h WHERE l.id = $5 AND l.habit_id = h.id
   RETURNING l.log_date::text AS "logDate"
 )
 SELECT ${habitColumns('(SELECT log_date::text FROM t)')},
   (SELECT row_to_json(r) FROM removed r) AS result,
   ${lockedGoalsColumn('h.id', '$2::date')} AS goals
 FROM h`;

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

  /**
   * Creates or replaces the log of (habit, day) in the user's habit, locking it (and its goals)
   * with its records as before, in one statement (see LOCK_AND_UPSERT_SQL). `result` is null
   * when nothing was written: the habit is not the user's or is measurable, the status is null,
   * or the day is after `today` or before the habit's start (the caller tells which).
   */
  async lockHabitAndUpsert(
    manager: EntityManager,
    userId: string,
    write: Omit<LogWrite, 'status'> & { status: LogWrite['status'] | null },
    today: LocalDate,
    now: Date,
  ): Promise<LockedHabitWrite<{ log: StoredLog; inserted: boolean }>> {
    const rows = await queryRows<
      LockedRow & { result: (StoredLog & { inserted: boolean }) | null }
    >(manager, LOCK_AND_UPSERT_SQL, [
      ...this.sharedParams(userId, today),
      write.logDate,
      write.status,
      write.notes ?? null,
      now,
      write.notes === undefined,
      write.habitId,
    ]);
    return this.locked(manager, rows[0], today, (r) => {
      const { inserted, ...log } = r;
      return { log, inserted };
    });
  }

  /**
   * Deletes the user's log, locking its habit (and goals) with its records as before, in one
   * statement; `result` is the log's day, null when the log is not the user's or is gone.
   */
  async lockHabitAndDelete(
    manager: EntityManager,
    userId: string,
    logId: string,
    today: LocalDate,
  ): Promise<LockedHabitWrite<LocalDate>> {
    const rows = await queryRows<LockedRow & { result: { logDate: LocalDate } | null }>(
      manager,
      LOCK_AND_DELETE_SQL,
      [...this.sharedParams(userId, today), logId],
    );
    return this.locked(manager, rows[0], today, (r) => r.logDate);
  }

  private sharedParams(userId: string, today: LocalDate): unknown[] {
    return [
      userId,
      today,
      addDays(today, -(RECENT_DAYS - 1)),
      // The check habits' window; a kind without one (null) reads every log.
      statsWindowStart({}, today),
    ];
  }

  private locked<R, T>(
    manager: EntityManager,
    row: (LockedRow & { result: R | null }) | undefined,
    today: LocalDate,
    toResult: (r: R) => T,
  ): LockedHabitWrite<T> {
    if (!row?.habit) return { habit: null, records: null, goals: [], result: null };
    const { habit, records } = habitWithRecordsFrom(manager, { ...row, habit: row.habit }, today);
    return {
      habit,
      records,
      goals: lockedGoalsFrom(manager, row.goals),
      result: row.result === null ? null : toResult(row.result),
    };
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

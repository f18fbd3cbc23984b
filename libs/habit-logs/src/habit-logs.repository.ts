import type { LocalDate } from '@app/contracts';
import { HabitLogEntity, queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { Between, EntityManager } from 'typeorm';

export type StoredLog = Pick<HabitLogEntity, 'id' | 'habitId' | 'logDate' | 'status' | 'notes'>;

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

  /** The habit and day of the user's log, or null when the log is not the user's (or does not exist). */
  async habitOfOwnedLog(
    manager: EntityManager,
    userId: string,
    logId: string,
  ): Promise<{ habitId: string; logDate: LocalDate } | null> {
    const rows = await queryRows<{ habitId: string; logDate: LocalDate }>(
      manager,
      `SELECT l.habit_id AS "habitId", l.log_date AS "logDate"
       FROM habit_logs l JOIN habits h ON h.id = l.habit_id WHERE l.id = $1 AND h.user_id = $2`,
      [logId, userId],
    );
    return rows[0] ?? null;
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

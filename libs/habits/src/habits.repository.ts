import { AppError } from '@app/common';
import type { LocalDate, PausePeriodSnapshot } from '@app/contracts';
import { HabitEntity, HabitLogEntity, HabitPauseEntity, HabitScheduleEntity } from '@app/database';
import type { HabitLogEntry, Schedule, ScheduleVersion } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In } from 'typeorm';

export const habitNotFound = (): AppError =>
  AppError.notFound('HABIT_NOT_FOUND', 'Habit not found.');

/** Everything about a habit's past that the engine needs, loaded in three statements for any number of habits. */
export interface HabitRecords {
  schedules: ScheduleVersion[];
  pauses: PausePeriodSnapshot[];
  logs: HabitLogEntry[];
  /** The log dated the user's today, if any. */
  todayLog: HabitLogEntity | null;
}

/** The only place with queries about habits, their schedule history and pauses. */
@Injectable()
export class HabitsRepository {
  /** The user's habit, locked for the rest of the transaction; 404 for anyone else's. */
  async lockOwned(manager: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    const habit = await manager
      .getRepository(HabitEntity)
      .findOne({ where: { id: habitId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!habit) throw habitNotFound();
    return habit;
  }

  /** All of the user's habits, locked in id order (so concurrent writers never deadlock). */
  lockAllOfUser(manager: EntityManager, userId: string): Promise<HabitEntity[]> {
    return manager
      .getRepository(HabitEntity)
      .find({ where: { userId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async findOwned(manager: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    const habit = await manager
      .getRepository(HabitEntity)
      .findOne({ where: { id: habitId, userId } });
    if (!habit) throw habitNotFound();
    return habit;
  }

  list(
    manager: EntityManager,
    userId: string,
    status: string | undefined,
    limit: number,
  ): Promise<HabitEntity[]> {
    return manager.getRepository(HabitEntity).find({
      where: status ? { userId, status: status as HabitEntity['status'] } : { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  count(manager: EntityManager, userId: string): Promise<number> {
    return manager.getRepository(HabitEntity).count({ where: { userId } });
  }

  /** Ids among `habitIds` that belong to the user. */
  async ownedIds(manager: EntityManager, userId: string, habitIds: string[]): Promise<Set<string>> {
    if (habitIds.length === 0) return new Set();
    const rows = await manager
      .getRepository(HabitEntity)
      .find({ select: { id: true }, where: { userId, id: In(habitIds) } });
    return new Set(rows.map((r) => r.id));
  }

  async pausesOf(
    manager: EntityManager,
    habitIds: string[],
  ): Promise<Map<string, PausePeriodSnapshot[]>> {
    const result = new Map<string, PausePeriodSnapshot[]>(habitIds.map((id) => [id, []]));
    if (habitIds.length === 0) return result;
    const rows = await manager
      .getRepository(HabitPauseEntity)
      .find({ where: { habitId: In(habitIds) }, order: { fromDate: 'ASC' } });
    for (const row of rows) result.get(row.habitId)?.push({ from: row.fromDate, to: row.toDate });
    return result;
  }

  async logsOn(
    manager: EntityManager,
    habitIds: string[],
    day: LocalDate,
  ): Promise<Map<string, HabitLogEntity>> {
    if (habitIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(HabitLogEntity)
      .find({ where: { habitId: In(habitIds), logDate: day } });
    return new Map(rows.map((r) => [r.habitId, r]));
  }

  /** Schedule history, pauses and every log of the habits (three statements). */
  recordsOf(
    manager: EntityManager,
    habitIds: string[],
    today: LocalDate,
  ): Promise<Map<string, HabitRecords>> {
    return this.loadRecords(manager, habitIds, today, null);
  }

  /**
   * Like `recordsOf`, but only the logs dated in [from, to] (three statements for any number of
   * habits): what a statistic "as of" a recent day needs, without every log of every habit.
   */
  recordsBetween(
    manager: EntityManager,
    habitIds: string[],
    from: LocalDate,
    to: LocalDate,
    today: LocalDate,
  ): Promise<Map<string, HabitRecords>> {
    return this.loadRecords(manager, habitIds, today, { from, to });
  }

  private async loadRecords(
    manager: EntityManager,
    habitIds: string[],
    today: LocalDate,
    range: { from: LocalDate; to: LocalDate } | null,
  ): Promise<Map<string, HabitRecords>> {
    const result = new Map<string, HabitRecords>(
      habitIds.map((id) => [id, { schedules: [], pauses: [], logs: [], todayLog: null }]),
    );
    if (habitIds.length === 0) return result;
    const [schedules, pauses, logs] = [
      await manager
        .getRepository(HabitScheduleEntity)
        .find({ where: { habitId: In(habitIds) }, order: { effectiveFrom: 'ASC' } }),
      await this.pausesOf(manager, habitIds),
      await manager.getRepository(HabitLogEntity).find({
        where: range
          ? { habitId: In(habitIds), logDate: Between(range.from, range.to) }
          : { habitId: In(habitIds) },
        order: { logDate: 'ASC' },
      }),
    ];
    for (const s of schedules) {
      result.get(s.habitId)?.schedules.push({
        effectiveFrom: s.effectiveFrom,
        frequency: s.frequency,
        timesPerWeek: s.timesPerWeek,
        daysOfWeek: s.daysOfWeek,
        intervalDays: s.intervalDays,
      });
    }
    for (const [id, list] of pauses) result.get(id)!.pauses = list;
    for (const log of logs) {
      const records = result.get(log.habitId)!;
      records.logs.push({ date: log.logDate, status: log.status });
      if (log.logDate === today) records.todayLog = log;
    }
    return result;
  }

  async replacePauses(
    manager: EntityManager,
    habitId: string,
    pauses: PausePeriodSnapshot[],
  ): Promise<void> {
    await manager.getRepository(HabitPauseEntity).delete({ habitId });
    if (pauses.length > 0) {
      await manager
        .getRepository(HabitPauseEntity)
        .insert(pauses.map((p) => ({ habitId, fromDate: p.from, toDate: p.to })));
    }
  }

  /** The schedule in force from `effectiveFrom`; a second edit the same day replaces the first. */
  async saveScheduleVersion(
    manager: EntityManager,
    habitId: string,
    effectiveFrom: LocalDate,
    schedule: Schedule,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO habit_schedules (habit_id, effective_from, frequency, times_per_week, days_of_week, interval_days)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (habit_id, effective_from) DO UPDATE
         SET frequency = excluded.frequency, times_per_week = excluded.times_per_week,
             days_of_week = excluded.days_of_week, interval_days = excluded.interval_days`,
      [
        habitId,
        effectiveFrom,
        schedule.frequency,
        schedule.timesPerWeek,
        schedule.daysOfWeek,
        schedule.intervalDays,
      ],
    );
  }

  /** The day the habit's first schedule version took effect (its every-N-days anchor). */
  async firstScheduleDate(manager: EntityManager, habitId: string): Promise<LocalDate | null> {
    const rows: { first: string | null }[] = await manager.query(
      'SELECT min(effective_from) AS first FROM habit_schedules WHERE habit_id = $1',
      [habitId],
    );
    return rows[0]?.first ?? null;
  }

  async earliestLogDate(manager: EntityManager, habitId: string): Promise<LocalDate | null> {
    const rows: { first: string | null }[] = await manager.query(
      'SELECT min(log_date) AS first FROM habit_logs WHERE habit_id = $1',
      [habitId],
    );
    return rows[0]?.first ?? null;
  }
}

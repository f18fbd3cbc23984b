import type { LocalDate } from '@app/contracts';
import { queryRows } from '@app/database';
import type { ScheduleVersion } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ExportedGoal, ExportedHabit } from './export-document';
import type { ImportSettings } from './import-plan';

/** Logs per statement, when exporting (one page) and when importing (one INSERT). */
export const LOG_BATCH = 5_000;

export type ExportedHabitRow = Omit<ExportedHabit, 'logs'>;

export interface NewImportedHabit {
  id: string;
  userId: string;
  externalId: string | null;
  name: string;
  description: string | null;
  frequency: string;
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
  startDate: LocalDate;
  createdOn: LocalDate;
  difficulty: string;
  priority: string;
  status: string;
  color: string;
  icon: string | null;
  position: number;
  kind: 'check' | 'measure';
  /** Measurable habits only (null for check habits), as `HabitEntity` holds them. */
  unit: string | null;
  targetType: 'at_least' | 'at_most' | null;
  targetValue: number | null;
  targetPeriod: 'day' | 'week' | 'month' | null;
}

export interface NewImportedGoal {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  targetValue: number;
  unit: string;
  startDate: LocalDate;
  deadline: LocalDate | null;
  baseValue: number;
}

/** A JSON array of weekdays (or JSON null) as smallint[] (or NULL). */
const DAYS_OF_WEEK = `CASE WHEN x."daysOfWeek" IS NULL OR jsonb_typeof(x."daysOfWeek") = 'null' THEN NULL
  ELSE ARRAY(SELECT jsonb_array_elements_text(x."daysOfWeek"))::smallint[] END`;

/** The only place with the queries of import and export: bulk inserts, and reads in pages. */
@Injectable()
export class ImportExportRepository {
  async settingsOf(manager: EntityManager, userId: string): Promise<ImportSettings> {
    const rows = await queryRows<ImportSettings>(
      manager,
      `SELECT timezone, day_start_hour AS "dayStartHour", nudge_hour AS "nudgeHour"
       FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /** The user's habits in list order, with schedule history and pauses (one statement; ≤ 500 habits). */
  habitsOf(manager: EntityManager, userId: string): Promise<ExportedHabitRow[]> {
    return queryRows<ExportedHabitRow>(
      manager,
      `SELECT h.id, h.external_id AS "externalId", h.name, h.description, h.kind, h.unit,
         h.target_type AS "targetType", h.target_value::float8 AS "targetValue",
         h.target_period AS "targetPeriod",
         h.frequency, h.times_per_week AS "timesPerWeek", h.days_of_week AS "daysOfWeek",
         h.interval_days AS "intervalDays", h.start_date::text AS "startDate",
         h.created_on::text AS "createdOn",
         CASE WHEN h.status = 'at_risk' THEN 'active' ELSE h.status END AS status,
         h.difficulty, h.priority, h.color, h.icon,
         COALESCE((SELECT json_agg(json_build_object(
             'effectiveFrom', s.effective_from, 'frequency', s.frequency,
             'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
             'intervalDays', s.interval_days) ORDER BY s.effective_from)
           FROM habit_schedules s WHERE s.habit_id = h.id), '[]'::json) AS schedules,
         COALESCE((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
             ORDER BY p.from_date)
           FROM habit_pauses p WHERE p.habit_id = h.id), '[]'::json) AS "pausePeriods"
       FROM habits h WHERE h.user_id = $1
       ORDER BY h.position, h.created_at, h.id`,
      [userId],
    );
  }

  /** One page of a habit's logs after `afterDate` (null: from the first), in date order. */
  logsPage(
    manager: EntityManager,
    habitId: string,
    afterDate: LocalDate | null,
    limit = LOG_BATCH,
  ): Promise<ExportedHabit['logs']> {
    return queryRows<ExportedHabit['logs'][number]>(
      manager,
      `SELECT log_date::text AS date, status, notes, value::float8 AS value FROM habit_logs
       WHERE habit_id = $1 AND ($2::date IS NULL OR log_date > $2::date)
       ORDER BY log_date LIMIT $3`,
      [habitId, afterDate, limit],
    );
  }

  /** The user's goals with their links (one statement; ≤ 200 goals). */
  goalsOf(manager: EntityManager, userId: string): Promise<ExportedGoal[]> {
    return queryRows<ExportedGoal>(
      manager,
      `SELECT g.id, g.name, g.description, g.target_value AS "targetValue", g.unit,
         g.start_date::text AS "startDate", g.deadline::text AS deadline,
         g.base_value AS "baseValue",
         COALESCE((SELECT json_agg(json_build_object(
             'habitId', gh.habit_id, 'contributionWeight', gh.contribution_weight,
             'count', gh.count)
             ORDER BY h.position, h.created_at, h.id)
           FROM goal_habits gh JOIN habits h ON h.id = gh.habit_id
           WHERE gh.goal_id = g.id), '[]'::json) AS habits
       FROM goals g WHERE g.user_id = $1 ORDER BY g.created_at, g.id`,
      [userId],
    );
  }

  /** The user's habits and goals counted, and the habits among `externalIds` (one statement). */
  async accountState(
    manager: EntityManager,
    userId: string,
    externalIds: string[],
  ): Promise<{
    habits: number;
    goals: number;
    lastPosition: number;
    matched: Map<string, string>;
  }> {
    const rows = await queryRows<{
      habits: number;
      goals: number;
      last_position: number;
      matched: { externalId: string; id: string }[];
    }>(
      manager,
      `SELECT (SELECT count(*)::int FROM habits WHERE user_id = $1) AS habits,
         (SELECT count(*)::int FROM goals WHERE user_id = $1) AS goals,
         (SELECT COALESCE(max(position), 0) FROM habits WHERE user_id = $1) AS last_position,
         COALESCE((SELECT json_agg(json_build_object('externalId', external_id, 'id', id))
           FROM habits WHERE user_id = $1 AND external_id = ANY($2::text[])), '[]'::json) AS matched`,
      [userId, externalIds],
    );
    const row = rows[0];
    return {
      habits: row.habits,
      goals: row.goals,
      lastPosition: row.last_position,
      matched: new Map(row.matched.map((m) => [m.externalId, m.id])),
    };
  }

  /** The days that already have a log, by habit (what a re-import must not add again). */
  async loggedDates(
    manager: EntityManager,
    habitIds: string[],
  ): Promise<Map<string, Set<LocalDate>>> {
    const result = new Map<string, Set<LocalDate>>(habitIds.map((id) => [id, new Set()]));
    if (habitIds.length === 0) return result;
    const rows = await queryRows<{ habit_id: string; dates: LocalDate[] }>(
      manager,
      `SELECT habit_id, array_agg(log_date::text) AS dates FROM habit_logs
       WHERE habit_id = ANY($1::uuid[]) GROUP BY habit_id`,
      [habitIds],
    );
    for (const row of rows) result.set(row.habit_id, new Set(row.dates));
    return result;
  }

  async updateSettings(
    manager: EntityManager,
    userId: string,
    settings: ImportSettings,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET timezone = $2, day_start_hour = $3, nudge_hour = $4, updated_at = $5
       WHERE id = $1`,
      [userId, settings.timezone, settings.dayStartHour, settings.nudgeHour, now],
    );
  }

  async insertHabits(manager: EntityManager, habits: NewImportedHabit[], now: Date): Promise<void> {
    if (habits.length === 0) return;
    await manager.query(
      `INSERT INTO habits (id, user_id, external_id, name, description, frequency, times_per_week,
         days_of_week, interval_days, start_date, created_on, difficulty, priority, status, color,
         icon, position, kind, unit, target_type, target_value, target_period, created_at,
         updated_at)
       SELECT x.id, x."userId", x."externalId", x.name, x.description, x.frequency,
         x."timesPerWeek", ${DAYS_OF_WEEK},
         x."intervalDays", x."startDate", x."createdOn", x.difficulty, x.priority, x.status,
         x.color, x.icon, x.position, x.kind, x.unit, x."targetType", x."targetValue",
         x."targetPeriod", $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "userId" uuid, "externalId" text,
         name text, description text, frequency text, "timesPerWeek" smallint, "daysOfWeek" jsonb,
         "intervalDays" smallint, "startDate" date, "createdOn" date, difficulty text,
         priority text, status text, color text, icon text, position integer, kind text,
         unit text, "targetType" text, "targetValue" numeric, "targetPeriod" text)`,
      [JSON.stringify(habits), now],
    );
  }

  async insertSchedules(
    manager: EntityManager,
    rows: { habitId: string; schedule: ScheduleVersion }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO habit_schedules (habit_id, effective_from, frequency, times_per_week,
         days_of_week, interval_days)
       SELECT x."habitId", x."effectiveFrom", x.frequency, x."timesPerWeek",
         ${DAYS_OF_WEEK}, x."intervalDays"
       FROM jsonb_to_recordset($1::jsonb) AS x("habitId" uuid, "effectiveFrom" date,
         frequency text, "timesPerWeek" smallint, "daysOfWeek" jsonb, "intervalDays" smallint)`,
      [JSON.stringify(rows.map((r) => ({ habitId: r.habitId, ...r.schedule })))],
    );
  }

  async insertPauses(
    manager: EntityManager,
    rows: { habitId: string; from: LocalDate; to: LocalDate | null }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO habit_pauses (habit_id, from_date, to_date)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[])`,
      [rows.map((r) => r.habitId), rows.map((r) => r.from), rows.map((r) => r.to)],
    );
  }

  /**
   * Inserts logs in batches of LOG_BATCH (one statement each); a day that already has a log
   * keeps it. Answers how many were inserted, by habit; `onBatch` hears how many rows are done.
   */
  async insertLogs(
    manager: EntityManager,
    rows: {
      habitId: string;
      date: LocalDate;
      status: string;
      notes: string | null;
      value?: number | null;
    }[],
    now: Date,
    onBatch: (written: number) => void = () => undefined,
  ): Promise<Map<string, number>> {
    const inserted = new Map<string, number>();
    for (let start = 0; start < rows.length; start += LOG_BATCH) {
      const batch = rows.slice(start, start + LOG_BATCH);
      const result = await queryRows<{ habit_id: string; n: number }>(
        manager,
        `WITH inserted AS (
           INSERT INTO habit_logs (habit_id, log_date, status, notes, value, created_at,
             updated_at)
           SELECT h, d, s, n, v::numeric, $5, $5
           FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $6::text[])
             AS x(h, d, s, n, v)
           ON CONFLICT (habit_id, log_date) DO NOTHING
           RETURNING habit_id)
         SELECT habit_id, count(*)::int AS n FROM inserted GROUP BY habit_id`,
        [
          batch.map((r) => r.habitId),
          batch.map((r) => r.date),
          batch.map((r) => r.status),
          batch.map((r) => r.notes),
          now,
          // Measurable values as decimal text (at most 3 decimals): numeric takes them exactly.
          batch.map((r) => (r.value === null || r.value === undefined ? null : String(r.value))),
        ],
      );
      for (const r of result) inserted.set(r.habit_id, (inserted.get(r.habit_id) ?? 0) + r.n);
      onBatch(start + batch.length);
    }
    return inserted;
  }

  async insertGoals(
    manager: EntityManager,
    goals: NewImportedGoal[],
    links: {
      goalId: string;
      habitId: string;
      contributionWeight: number;
      count: 'completions' | 'value';
    }[],
    now: Date,
  ): Promise<void> {
    if (goals.length === 0) return;
    await manager.query(
      `INSERT INTO goals (id, user_id, name, description, target_value, unit, start_date,
         deadline, base_value, created_at, updated_at)
       SELECT x.id, x."userId", x.name, x.description, x."targetValue", x.unit, x."startDate",
         x.deadline, x."baseValue", x."createdAt", $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "userId" uuid, name text,
         description text, "targetValue" double precision, unit text, "startDate" date,
         deadline date, "baseValue" double precision, "createdAt" timestamptz)`,
      // Goals are listed by creation: a millisecond apart (ending at `now`), they keep the file's order.
      [
        JSON.stringify(
          goals.map((g, i) => ({
            ...g,
            createdAt: new Date(now.getTime() - (goals.length - 1 - i)),
          })),
        ),
        now,
      ],
    );
    if (links.length === 0) return;
    await manager.query(
      `INSERT INTO goal_habits (goal_id, habit_id, contribution_weight, count)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::double precision[], $4::text[])`,
      [
        links.map((l) => l.goalId),
        links.map((l) => l.habitId),
        links.map((l) => l.contributionWeight),
        links.map((l) => l.count),
      ],
    );
  }
}

import type { LocalDate } from '@app/contracts';
import { queryRows } from '@app/database';
import type { HabitEntity } from '@app/database';
import type { HabitHistory, PausePeriod, ScheduleVersion } from '@app/domain';
import { parseLogText, toHabitHistory } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GoalCountsDto } from './analytics.dto';

/** A habit with its schedule history, pauses and the logs of a range, as one plain row. */
interface HistoryRow {
  id: string;
  startDate: string;
  createdOn: string;
  status: HabitEntity['status'];
  difficulty: HabitEntity['difficulty'];
  kind: HabitEntity['kind'];
  unit: string | null;
  targetType: HabitEntity['targetType'];
  /** numeric(12,3) as exact decimal text. */
  targetValue: string | null;
  targetPeriod: HabitEntity['targetPeriod'];
  schedules: ScheduleVersion[];
  pauses: PausePeriod[];
  /**
   * `2026-03-09done,2026-03-10skipped`, by date (null: none); text is a third of JSON's cost.
   * A measurable day adds its exact value: `2026-03-11done=2.5`.
   */
  logs: string | null;
}

/**
 * The range of logs read for a habit: [$2, $3] for a check habit; a measurable habit's days are
 * judged by their week or month (the current one up to today, consistency's 3 past months), so
 * its range reaches from the 1st of the month 3 months before $2 to the end of the month of
 * $3's ISO week's last day.
 */
const MEASURE_FROM = `(CASE WHEN h.kind = 'measure'
         THEN (date_trunc('month', $2::date) - interval '3 months')::date ELSE $2::date END)`;
const MEASURE_TO = `(CASE WHEN h.kind = 'measure'
         THEN (date_trunc('month', $3::date + 6) + interval '1 month' - interval '1 day')::date
         ELSE $3::date END)`;

/**
 * The engine's input for reads, in one statement: the habits' columns the rules read, every
 * schedule version and pause (a handful per habit, as JSON), and only the logs dated in
 * [from, to], aggregated per habit as text (no entity hydration, no column the rules do not read).
 * One statement is one snapshot, so a habit deleted meanwhile is either whole or absent.
 */
const HISTORY_SQL = `
SELECT h.id,
       h.start_date::text AS "startDate",
       h.created_on::text AS "createdOn",
       h.status,
       h.difficulty,
       h.kind, h.unit, h.target_type AS "targetType", h.target_value::text AS "targetValue",
       h.target_period AS "targetPeriod",
       coalesce((SELECT json_agg(json_build_object(
                          'effectiveFrom', s.effective_from, 'frequency', s.frequency,
                          'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
                          'intervalDays', s.interval_days) ORDER BY s.effective_from)
                   FROM habit_schedules s WHERE s.habit_id = h.id), '[]') AS schedules,
       coalesce((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
                                 ORDER BY p.from_date)
                   FROM habit_pauses p WHERE p.habit_id = h.id), '[]') AS pauses,
       (SELECT string_agg(l.log_date::text || l.status || coalesce('=' || l.value::text, ''), ','
                          ORDER BY l.log_date)
          FROM habit_logs l
         WHERE l.habit_id = h.id
           AND l.log_date BETWEEN ${MEASURE_FROM} AND ${MEASURE_TO}) AS logs
  FROM habits h`;

/** Some drivers hand `json` back as text. */
function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toHistory(row: HistoryRow): { id: string; history: HabitHistory } {
  return {
    id: row.id,
    history: toHabitHistory(
      { ...row, targetValue: row.targetValue === null ? null : Number(row.targetValue) },
      {
        schedules: parsed(row.schedules),
        pauses: parsed(row.pauses),
        logs: parseLogText(row.logs),
      },
    ),
  };
}

/** Aggregate queries the analytics need beyond the habits' own repository. */
@Injectable()
export class AnalyticsRepository {
  /** The user's goals by state as of `today`, in one statement. */
  async goalCounts(
    manager: EntityManager,
    userId: string,
    today: LocalDate,
  ): Promise<GoalCountsDto> {
    const rows: { completed: number; overdue: number; in_progress: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE is_completed)::int AS completed,
                count(*) FILTER (WHERE NOT is_completed AND deadline < $2)::int AS overdue,
                count(*) FILTER (WHERE NOT is_completed AND (deadline IS NULL OR deadline >= $2))::int AS in_progress
           FROM goals WHERE user_id = $1`,
      [userId, today],
    );
    const row = rows[0];
    return {
      inProgress: row?.in_progress ?? 0,
      completed: row?.completed ?? 0,
      overdue: row?.overdue ?? 0,
    };
  }

  /**
   * The user's habits (at most `limit`, in list order) as engine histories holding the logs
   * dated in [from, to] only, in date order; one statement.
   */
  async historiesBetween(
    manager: EntityManager,
    userId: string,
    from: LocalDate,
    to: LocalDate,
    limit: number,
  ): Promise<{ id: string; history: HabitHistory }[]> {
    const rows = await queryRows<HistoryRow>(
      manager,
      `${HISTORY_SQL}
        WHERE h.user_id = $1
        ORDER BY h.position, h.created_at, h.id
        LIMIT $4`,
      [userId, from, to, limit],
    );
    return rows.map(toHistory);
  }

  /**
   * One habit of the user as an engine history with the logs dated in [from, to], in date
   * order; null when not theirs.
   */
  async historyBetween(
    manager: EntityManager,
    userId: string,
    habitId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<HabitHistory | null> {
    const rows = await queryRows<HistoryRow>(
      manager,
      `${HISTORY_SQL}
        WHERE h.user_id = $1 AND h.id = $4`,
      [userId, from, to, habitId],
    );
    return rows.length === 0 ? null : toHistory(rows[0]).history;
  }
}

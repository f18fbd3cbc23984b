import type { LocalDate } from '@app/contracts';
import { entityFromJson, GoalEntity, GoalHabitEntity, queryRows } from '@app/database';
import type {
  HabitHistory,
  HabitLogEntry,
  LogStatus,
  PausePeriod,
  ScheduleVersion,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';

/** A goal's link to a habit, with what the habit counts towards the goal. */
export interface GoalContribution {
  habitId: string;
  contributionWeight: number;
  count: 'completions' | 'value';
  /**
   * From the goal's start to the day progress is computed for: a check habit's done logs, or
   * (`count: value`) the exact Σ of a measurable habit's values; null for a measurable habit's
   * completions (met periods: the engine counts them from the habit's history).
   */
  amount: number | null;
}

/** A measurable habit's history as the engine reads it (for its completions towards goals). */
export interface MeasureHistoryRow {
  id: string;
  history: HabitHistory;
}

type GoalHabitStatus = 'active' | 'paused' | 'archived' | 'at_risk';

/** A goal's recomputed progress, as the batched UPDATE writes it. */
export interface GoalProgressRow {
  id: string;
  currentValue: number;
  isCompleted: boolean;
  completedAt: Date | null;
}

const WRITE_PROGRESS_SQL = `UPDATE goals g SET
   current_value = x.current_value, is_completed = x.is_completed,
   completed_at = x.completed_at, stats_as_of = $2::date, version = g.version + 1,
   updated_at = $3::timestamptz
 FROM jsonb_to_recordset($1::jsonb)
   AS x(id uuid, current_value float8, is_completed boolean, completed_at timestamptz)
 WHERE g.id = x.id
 RETURNING g.id, g.version`;

function progressParams(rows: GoalProgressRow[], today: LocalDate, now: Date): unknown[] {
  return [
    JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        current_value: r.currentValue,
        is_completed: r.isCompleted,
        completed_at: r.completedAt,
      })),
    ),
    today,
    now,
  ];
}

/** A goal locked by a write's own statement, with its links' counted done logs. */
export interface LockedGoal {
  goal: GoalEntity;
  contributions: GoalContribution[];
}

/**
 * For a write's own statement (see HabitLogsRepository): a column with the goals linked to the
 * habit `habitId` (an SQL expression), locked in id order, each with its links' done logs
 * dated from the goal's start to `today` (an SQL date expression), as `lockedGoalsFrom` reads
 * them. The counts are those before the statement's own writes.
 */
export function lockedGoalsColumn(habitId: string, today: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('goal', row_to_json(g),
       'links', ${goalLinksColumn('g', today)}) ORDER BY g.id), '[]'::json)
     FROM (SELECT * FROM goals WHERE id IN (SELECT goal_id FROM goal_habits WHERE habit_id = ${habitId})
           ORDER BY id FOR UPDATE) g)`;
}

/**
 * The links of goal row `g` with their amounts dated from the goal's start to `today` (an SQL
 * date expression), as `lockedGoalsFrom` reads them: one JSON array, habits in id order. The
 * same amounts as `GoalProgressRepository.contributions`: a check habit's done logs, the exact
 * Σ of a measurable habit's values (`count: value`, as decimal text), or null for a measurable
 * habit's completions (met periods: the engine counts them from the habit's history).
 */
export function goalLinksColumn(g: string, today: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('habitId', gh.habit_id,
       'weight', gh.contribution_weight, 'count', gh.count,
       'amount', CASE WHEN gh.count = 'value' THEN
           (SELECT coalesce(sum(l.value), 0)::text FROM habit_logs l
            WHERE l.habit_id = gh.habit_id AND l.value IS NOT NULL
              AND l.log_date >= ${g}.start_date AND l.log_date >= gh_h.start_date
              AND l.log_date <= ${today})
         WHEN gh_h.kind = 'check' THEN
           (SELECT count(*)::text FROM habit_logs l
            WHERE l.habit_id = gh.habit_id AND l.status = 'done'
              AND l.log_date >= ${g}.start_date AND l.log_date <= ${today})
         END)
     ORDER BY gh.habit_id), '[]'::json)
   FROM goal_habits gh JOIN habits gh_h ON gh_h.id = gh.habit_id WHERE gh.goal_id = ${g}.id)`;
}

/** The goals of a `lockedGoalsColumn`. */
export interface LockedGoalJson {
  goal: Record<string, unknown>;
  links: {
    habitId: string;
    weight: number;
    count: GoalContribution['count'];
    amount: string | null;
  }[];
}

export function lockedGoalsFrom(manager: EntityManager, json: LockedGoalJson[]): LockedGoal[] {
  return json.map(({ goal, links }) => ({
    goal: entityFromJson(manager, GoalEntity, goal),
    contributions: links.map((l) => ({
      habitId: l.habitId,
      contributionWeight: l.weight,
      count: l.count,
      amount: l.amount === null ? null : Number(l.amount),
    })),
  }));
}

/** The queries behind goal progress: which goals a write touches, their contributions, the write. */
@Injectable()
export class GoalProgressRepository {
  /** Goals linked to any of these habits (ids in order). */
  async goalIdsLinkedTo(manager: EntityManager, habitIds: string[]): Promise<string[]> {
    if (habitIds.length === 0) return [];
    const rows = await queryRows<{ goal_id: string }>(
      manager,
      'SELECT DISTINCT goal_id FROM goal_habits WHERE habit_id = ANY($1::uuid[]) ORDER BY goal_id',
      [habitIds],
    );
    return rows.map((r) => r.goal_id);
  }

  /**
   * The goals linked to any of these habits, locked for the rest of the transaction in id order
   * (one statement: the lookup and the lock).
   */
  async lockGoalsLinkedTo(manager: EntityManager, habitIds: string[]): Promise<GoalEntity[]> {
    if (habitIds.length === 0) return [];
    return manager
      .getRepository(GoalEntity)
      .createQueryBuilder('g')
      .where(
        'g.id IN (SELECT gh.goal_id FROM goal_habits gh WHERE gh.habit_id = ANY(CAST(:habitIds AS uuid[])))',
        { habitIds },
      )
      .orderBy('g.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Every goal of the user (ids in order). */
  async goalIdsOfUser(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      'SELECT id FROM goals WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** The goals of these users whose figures are not as of `today` (`all`: every one; ids in order). */
  async staleGoalIdsOf(
    manager: EntityManager,
    userIds: string[],
    today: LocalDate,
    all = false,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM goals
        WHERE user_id = ANY($1::uuid[]) AND ($3::boolean OR stats_as_of IS DISTINCT FROM $2::date)
        ORDER BY id`,
      [userIds, today, all],
    );
    return rows.map((r) => r.id);
  }

  /** The goals, locked for the rest of the transaction in id order (no deadlock between writers). */
  lockGoals(manager: EntityManager, goalIds: string[]): Promise<GoalEntity[]> {
    return manager.getRepository(GoalEntity).find({
      where: { id: In(goalIds) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Each goal's links with their counted amounts (one statement): logs dated from the goal's
   * start to `asOf`, or, when `asOf` is null, to the goal's own `statsAsOf` (the verifier).
   * Values are summed by PostgreSQL in numeric and handed over as exact decimal text.
   */
  async contributions(
    manager: EntityManager,
    goalIds: string[],
    asOf: LocalDate | null,
  ): Promise<Map<string, GoalContribution[]>> {
    const result = new Map<string, GoalContribution[]>(goalIds.map((id) => [id, []]));
    if (goalIds.length === 0) return result;
    const rows = await queryRows<{
      goal_id: string;
      habit_id: string;
      weight: number;
      count: GoalContribution['count'];
      amount: string | null;
    }>(
      manager,
      `SELECT gh.goal_id, gh.habit_id, gh.contribution_weight AS weight, gh.count,
              CASE WHEN gh.count = 'value' THEN
                (SELECT coalesce(sum(l.value), 0)::text FROM habit_logs l
                 WHERE l.habit_id = gh.habit_id AND l.value IS NOT NULL
                   AND l.log_date >= g.start_date AND l.log_date >= h.start_date
                   AND l.log_date <= COALESCE($2::date, g.stats_as_of, g.start_date))
              WHEN h.kind = 'check' THEN
                (SELECT count(*)::text FROM habit_logs l
                 WHERE l.habit_id = gh.habit_id AND l.status = 'done' AND l.log_date >= g.start_date
                   AND l.log_date <= COALESCE($2::date, g.stats_as_of, g.start_date))
              END AS amount
       FROM goal_habits gh JOIN goals g ON g.id = gh.goal_id JOIN habits h ON h.id = gh.habit_id
       WHERE gh.goal_id = ANY($1::uuid[])
       ORDER BY gh.goal_id, gh.habit_id`,
      [goalIds, asOf],
    );
    for (const r of rows) {
      result.get(r.goal_id)?.push({
        habitId: r.habit_id,
        contributionWeight: r.weight,
        count: r.count,
        amount: r.amount === null ? null : Number(r.amount),
      });
    }
    return result;
  }

  /**
   * Measurable habits with their whole history (one statement), for the goals that count their
   * met periods.
   */
  async measureHistories(
    manager: EntityManager,
    habitIds: string[],
  ): Promise<Map<string, HabitHistory>> {
    if (habitIds.length === 0) return new Map();
    const rows = await queryRows<{
      id: string;
      start_date: string;
      created_on: string;
      status: GoalHabitStatus;
      difficulty: HabitHistory['difficulty'];
      unit: string | null;
      target_type: 'at_least' | 'at_most';
      target_value: string;
      target_period: 'day' | 'week' | 'month';
      schedules: ScheduleVersion[] | string;
      pauses: PausePeriod[] | string;
      logs: [string, LogStatus, number | null][] | string;
    }>(
      manager,
      `SELECT h.id, h.start_date::text AS start_date, h.created_on::text AS created_on, h.status,
              h.difficulty, h.unit, h.target_type, h.target_value::text AS target_value,
              h.target_period,
              coalesce((SELECT json_agg(json_build_object(
                          'effectiveFrom', s.effective_from, 'frequency', s.frequency,
                          'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
                          'intervalDays', s.interval_days) ORDER BY s.effective_from)
                   FROM habit_schedules s WHERE s.habit_id = h.id), '[]') AS schedules,
              coalesce((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
                                 ORDER BY p.from_date)
                   FROM habit_pauses p WHERE p.habit_id = h.id), '[]') AS pauses,
              coalesce((SELECT json_agg(json_build_array(l.log_date, l.status, l.value)
                                 ORDER BY l.log_date)
                   FROM habit_logs l WHERE l.habit_id = h.id), '[]') AS logs
         FROM habits h
        WHERE h.id = ANY($1::uuid[]) AND h.kind = 'measure'`,
      [habitIds],
    );
    const parsed = <T>(value: T | string): T =>
      typeof value === 'string' ? (JSON.parse(value) as T) : value;
    return new Map(
      rows.map((r) => [
        r.id,
        {
          startDate: r.start_date,
          createdOn: r.created_on,
          schedules: parsed(r.schedules),
          pauses: parsed(r.pauses),
          logs: parsed(r.logs).map(([date, status, value]): HabitLogEntry =>
            value === null ? { date, status } : { date, status, value },
          ),
          userStatus: r.status === 'at_risk' ? 'active' : r.status,
          difficulty: r.difficulty,
          kind: 'measure',
          unit: r.unit,
          target: { type: r.target_type, value: Number(r.target_value), period: r.target_period },
        },
      ]),
    );
  }

  /** The goals' links without counts (what a read shows), habits in id order. */
  async linksOf(
    manager: EntityManager,
    goalIds: string[],
  ): Promise<Map<string, GoalHabitEntity[]>> {
    const result = new Map<string, GoalHabitEntity[]>(goalIds.map((id) => [id, []]));
    if (goalIds.length === 0) return result;
    const rows = await manager
      .getRepository(GoalHabitEntity)
      .find({ where: { goalId: In(goalIds) }, order: { habitId: 'ASC' } });
    for (const row of rows) result.get(row.goalId)?.push(row);
    return result;
  }

  /** `writeProgress` as a deferred write (the caller sets `version` + 1; the rows are locked). */
  progressWrite(
    rows: GoalProgressRow[],
    today: LocalDate,
    now: Date,
  ): { sql: string; params: unknown[] } {
    return { sql: WRITE_PROGRESS_SQL, params: progressParams(rows, today, now) };
  }

  /** Writes recomputed progress as of `today` and bumps `version` (one statement); new versions by id. */
  async writeProgress(
    manager: EntityManager,
    rows: GoalProgressRow[],
    today: LocalDate,
    now: Date,
  ): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const updated = await queryRows<{ id: string; version: number }>(
      manager,
      WRITE_PROGRESS_SQL,
      progressParams(rows, today, now),
    );
    return new Map(updated.map((u) => [u.id, u.version]));
  }

  /** Every goal in id order, a page after `afterId` (the verifier's scan). */
  page(manager: EntityManager, afterId: string, limit: number): Promise<GoalEntity[]> {
    return manager
      .getRepository(GoalEntity)
      .find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }
}

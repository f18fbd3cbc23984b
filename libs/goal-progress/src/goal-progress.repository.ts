import type { LocalDate } from '@app/contracts';
import { entityFromJson, GoalEntity, GoalHabitEntity, queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';

/** A goal's link to a habit, with the habit's done logs that count towards the goal. */
export interface GoalContribution {
  habitId: string;
  contributionWeight: number;
  /** Done logs dated on/after the goal's start and not after the day progress is computed for. */
  doneCount: number;
}

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
 * The links of goal row `g` with their done logs dated from the goal's start to `today` (an
 * SQL date expression), as `lockedGoalsFrom` reads them: one JSON array, habits in id order.
 */
export function goalLinksColumn(g: string, today: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('habitId', gh.habit_id,
       'weight', gh.contribution_weight,
       'done', (SELECT count(*)::int FROM habit_logs l
                WHERE l.habit_id = gh.habit_id AND l.status = 'done'
                  AND l.log_date >= ${g}.start_date AND l.log_date <= ${today}))
     ORDER BY gh.habit_id), '[]'::json)
   FROM goal_habits gh WHERE gh.goal_id = ${g}.id)`;
}

/** The goals of a `lockedGoalsColumn`. */
export interface LockedGoalJson {
  goal: Record<string, unknown>;
  links: { habitId: string; weight: number; done: number }[];
}

export function lockedGoalsFrom(manager: EntityManager, json: LockedGoalJson[]): LockedGoal[] {
  return json.map(({ goal, links }) => ({
    goal: entityFromJson(manager, GoalEntity, goal),
    contributions: links.map((l) => ({
      habitId: l.habitId,
      contributionWeight: l.weight,
      doneCount: l.done,
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
   * Each goal's links with their counted done logs (one statement): logs dated from the goal's
   * start to `asOf`, or, when `asOf` is null, to the goal's own `statsAsOf` (the verifier).
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
      done: number;
    }>(
      manager,
      `SELECT gh.goal_id, gh.habit_id, gh.contribution_weight AS weight,
              (SELECT count(*)::int FROM habit_logs l
               WHERE l.habit_id = gh.habit_id AND l.status = 'done' AND l.log_date >= g.start_date
                 AND l.log_date <= COALESCE($2::date, g.stats_as_of, g.start_date)) AS done
       FROM goal_habits gh JOIN goals g ON g.id = gh.goal_id
       WHERE gh.goal_id = ANY($1::uuid[])
       ORDER BY gh.goal_id, gh.habit_id`,
      [goalIds, asOf],
    );
    for (const r of rows) {
      result
        .get(r.goal_id)
        ?.push({ habitId: r.habit_id, contributionWeight: r.weight, doneCount: r.done });
    }
    return result;
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

import { GoalEntity, GoalHabitEntity, queryRows } from '@app/database';
import type { WriteContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GoalDto, toGoalDto } from './goal.dto';

interface GoalRow {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  target_value: number;
  current_value: number;
  base_value: number;
  unit: string;
  start_date: string;
  deadline: string | null;
  is_completed: boolean;
  completed_at: Date | null;
  stats_as_of: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  was_completed: boolean;
}

function toEntity(row: GoalRow): GoalEntity {
  return Object.assign(new GoalEntity(), {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    targetValue: row.target_value,
    currentValue: row.current_value,
    baseValue: row.base_value,
    unit: row.unit,
    startDate: row.start_date,
    deadline: row.deadline,
    isCompleted: row.is_completed,
    completedAt: row.completed_at,
    statsAsOf: row.stats_as_of,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export interface RefreshedGoal {
  goal: GoalEntity;
  dto: GoalDto;
  justCompleted: boolean;
}

/**
 * Keeps goals' `currentValue`/`isCompleted` equal to baseValue + Σ weight × done logs dated
 * ≥ startDate (SPEC.md §3 "Goals"), inside the caller's transaction: locks the goals in id
 * order, recomputes them in one UPDATE … RETURNING that also returns the completion state
 * before it, and records `goal_completed` for each incomplete → complete change.
 */
@Injectable()
export class GoalProgressService {
  /** Goals linked to any of these habits (ids in order). */
  async goalIdsLinkedTo(manager: EntityManager, habitIds: string[]): Promise<string[]> {
    if (habitIds.length === 0) return [];
    const rows: { goal_id: string }[] = await manager.query(
      'SELECT DISTINCT goal_id FROM goal_habits WHERE habit_id = ANY($1::uuid[]) ORDER BY goal_id',
      [habitIds],
    );
    return rows.map((r) => r.goal_id);
  }

  /** Every goal of the user (ids in order). */
  async goalIdsOfUser(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM goals WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async refreshLinkedTo(
    manager: EntityManager,
    ctx: WriteContext,
    habitIds: string[],
  ): Promise<Map<string, RefreshedGoal>> {
    return this.refresh(manager, ctx, await this.goalIdsLinkedTo(manager, habitIds));
  }

  async refresh(
    manager: EntityManager,
    ctx: WriteContext,
    goalIds: string[],
  ): Promise<Map<string, RefreshedGoal>> {
    const result = new Map<string, RefreshedGoal>();
    if (goalIds.length === 0) return result;
    const ids = [...new Set(goalIds)].sort();
    await manager.query('SELECT id FROM goals WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
      ids,
    ]);
    const rows = await queryRows<GoalRow>(
      manager,
      `WITH prev AS (SELECT id, is_completed FROM goals WHERE id = ANY($1::uuid[])),
       progress AS (
         SELECT g.id,
                round((g.base_value + COALESCE(sum(gh.contribution_weight * c.n), 0))::numeric, 6)::float8 AS value
         FROM goals g
         LEFT JOIN goal_habits gh ON gh.goal_id = g.id
         LEFT JOIN LATERAL (
           SELECT count(*) AS n FROM habit_logs l
           WHERE l.habit_id = gh.habit_id AND l.status = 'done' AND l.log_date >= g.start_date AND l.log_date <= $3
         ) c ON true
         WHERE g.id = ANY($1::uuid[])
         GROUP BY g.id, g.base_value
       )
       UPDATE goals g SET
         current_value = p.value,
         is_completed = p.value >= g.target_value,
         completed_at = CASE WHEN p.value >= g.target_value AND NOT prev.is_completed THEN $2 ELSE g.completed_at END,
         stats_as_of = $3,
         version = g.version + 1,
         updated_at = $2
       FROM progress p JOIN prev ON prev.id = p.id
       WHERE g.id = p.id
       RETURNING g.*, prev.is_completed AS was_completed`,
      [ids, ctx.now, ctx.today],
    );
    const links = await this.linksOf(manager, ids);
    for (const row of rows.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const goal = toEntity(row);
      const dto = toGoalDto(goal, links.get(goal.id) ?? [], ctx.today);
      const justCompleted = goal.isCompleted && !row.was_completed;
      if (justCompleted) ctx.events.record(goal.userId, 'goal_completed', { goal: dto });
      result.set(goal.id, { goal, dto, justCompleted });
    }
    return result;
  }

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
}

import type { LocalDate } from '@app/contracts';
import { GoalEntity, GoalHabitEntity, queryRows } from '@app/database';
import { goalLinksColumn, LockedGoal, LockedGoalJson, lockedGoalsFrom } from '@app/goal-progress';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type NewGoal = Pick<
  GoalEntity,
  | 'userId'
  | 'name'
  | 'description'
  | 'targetValue'
  | 'unit'
  | 'deadline'
  | 'startDate'
  | 'baseValue'
  | 'createdAt'
  | 'updatedAt'
>;

export type GoalChanges = Pick<
  GoalEntity,
  'name' | 'description' | 'targetValue' | 'unit' | 'deadline' | 'startDate' | 'baseValue'
>;

export interface GoalLink {
  habitId: string;
  contributionWeight: number;
  count: 'completions' | 'value';
}

/** The queries of goals CRUD (progress has its own, in `@app/goal-progress`). */
@Injectable()
export class GoalsRepository {
  count(manager: EntityManager, userId: string): Promise<number> {
    return manager.getRepository(GoalEntity).count({ where: { userId } });
  }

  async insert(manager: EntityManager, goal: NewGoal): Promise<GoalEntity> {
    const repo = manager.getRepository(GoalEntity);
    return repo.save(repo.create(goal));
  }

  list(manager: EntityManager, userId: string, limit: number): Promise<GoalEntity[]> {
    return manager.getRepository(GoalEntity).find({
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** The user's goal, or null for anyone else's. */
  findOwned(manager: EntityManager, userId: string, goalId: string): Promise<GoalEntity | null> {
    return manager.getRepository(GoalEntity).findOne({ where: { id: goalId, userId } });
  }

  /**
   * An edit of the user's goal in ONE statement: the UPDATE of the fields present in `changes`
   * (a JSON object by column name; a present null sets null) locks the goal, and the goal comes
   * back with its links and their done logs counted from its (new) start to `today`. Null for
   * anyone else's goal, and when the new deadline would be before the new start (nothing is
   * updated; the caller tells which).
   */
  async updateOwnedWithLinks(
    manager: EntityManager,
    userId: string,
    goalId: string,
    changes: Partial<GoalChanges>,
    today: LocalDate,
  ): Promise<LockedGoal | null> {
    const value = (column: string, type: string) =>
      `CASE WHEN $3::jsonb ? '${column}' THEN ($3::jsonb->>'${column}')::${type} ELSE ${column} END`;
    const set = (column: string, type: string) => `${column} = ${value(column, type)}`;
    const rows = await queryRows<{ locked: LockedGoalJson }>(
      manager,
      `WITH g AS (
         UPDATE goals SET ${[
           set('name', 'varchar'),
           set('description', 'varchar'),
           set('target_value', 'float8'),
           set('unit', 'varchar'),
           set('deadline', 'date'),
           set('start_date', 'date'),
           set('base_value', 'float8'),
         ].join(', ')}
         WHERE id = $1 AND user_id = $2
           -- The table's CHECK, tested first: a pair it refuses updates nothing (see above).
           AND (${value('deadline', 'date')} IS NULL
                OR ${value('deadline', 'date')} >= ${value('start_date', 'date')})
         RETURNING *
       )
       SELECT json_build_object('goal', row_to_json(g), 'links', ${goalLinksColumn('g', '$4::date')}) AS locked
       FROM g`,
      [
        goalId,
        userId,
        JSON.stringify({
          name: changes.name,
          description: changes.description,
          target_value: changes.targetValue,
          unit: changes.unit,
          deadline: changes.deadline,
          start_date: changes.startDate,
          base_value: changes.baseValue,
        }),
        today,
      ],
    );
    return rows.length === 0 ? null : lockedGoalsFrom(manager, [rows[0].locked])[0];
  }

  /** The same, locked for the rest of the transaction. */
  lockOwned(manager: EntityManager, userId: string, goalId: string): Promise<GoalEntity | null> {
    return manager
      .getRepository(GoalEntity)
      .findOne({ where: { id: goalId, userId }, lock: { mode: 'pessimistic_write' } });
  }

  update(manager: EntityManager, goalId: string, changes: GoalChanges): Promise<unknown> {
    return manager.getRepository(GoalEntity).update({ id: goalId }, changes);
  }

  /** Deletes the user's goal (its links by ON DELETE CASCADE); false when there was none. */
  async deleteOwned(manager: EntityManager, userId: string, goalId: string): Promise<boolean> {
    const result = await manager.getRepository(GoalEntity).delete({ id: goalId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** The goal's current links (weight and count) by habit. */
  async linksByHabit(
    manager: EntityManager,
    goalId: string,
  ): Promise<Map<string, Pick<GoalLink, 'contributionWeight' | 'count'>>> {
    const links = await manager.getRepository(GoalHabitEntity).find({ where: { goalId } });
    return new Map(
      links.map((l) => [l.habitId, { contributionWeight: l.contributionWeight, count: l.count }]),
    );
  }

  /** Replaces the goal's links with these. */
  async replaceLinks(manager: EntityManager, goalId: string, links: GoalLink[]): Promise<void> {
    await manager.getRepository(GoalHabitEntity).delete({ goalId });
    await this.insertLinks(manager, goalId, links);
  }

  async insertLinks(manager: EntityManager, goalId: string, links: GoalLink[]): Promise<void> {
    if (links.length === 0) return;
    await manager.getRepository(GoalHabitEntity).insert(
      links.map((l) => ({
        goalId,
        habitId: l.habitId,
        contributionWeight: l.contributionWeight,
        count: l.count,
      })),
    );
  }
}

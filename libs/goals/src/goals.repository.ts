import { GoalEntity, GoalHabitEntity } from '@app/database';
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

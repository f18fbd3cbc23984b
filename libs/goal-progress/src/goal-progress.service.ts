import type { LocalDate } from '@app/contracts';
import type { HabitHistory } from '@app/domain';
import { GoalEntity, GoalHabitEntity } from '@app/database';
import {
  computeCountedGoalProgress,
  CountedGoalProgress,
  goalJustCompleted,
  goalLinkAmount,
} from '@app/domain';
import type { DayContext, WriteContext } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GoalDto, toGoalDto } from './goal.dto';
import { GoalContribution, GoalProgressRepository, LockedGoal } from './goal-progress.repository';

export interface RefreshedGoal {
  goal: GoalEntity;
  dto: GoalDto;
  justCompleted: boolean;
}

/** A stored goal figure that differs from its recomputation (`stats:verify`). */
export interface GoalProgressDifference {
  id: string;
  field: 'currentValue' | 'isCompleted';
  stored: unknown;
  expected: unknown;
}

const ZERO_ID = '00000000-0000-0000-0000-000000000000';
const VERIFY_BATCH = 200;

/**
 * The one rule of goal progress (SPEC.md §3 "Goals", §6): the domain's
 * `computeCountedGoalProgress` over the links' amounts (done logs, values, or a measurable
 * habit's met periods counted by `goalLinkAmount` from its history), for the write path and the
 * verifier alike.
 */
export function progressOf(
  goal: GoalEntity,
  contributions: GoalContribution[],
  today: LocalDate,
  histories: Map<string, HabitHistory> = new Map(),
): CountedGoalProgress {
  return computeCountedGoalProgress(
    {
      ...goal,
      links: contributions.map((c) => {
        const history = histories.get(c.habitId);
        const amount =
          c.amount ?? (history ? goalLinkAmount(history, 'completions', goal.startDate, today) : 0);
        return { contributionWeight: c.contributionWeight, amount };
      }),
    },
    today,
  );
}

/** The habits whose amount the engine counts (a measurable habit's completions). */
function engineCounted(contributions: Map<string, GoalContribution[]>): string[] {
  const ids = new Set<string>();
  for (const links of contributions.values())
    for (const link of links) if (link.amount === null) ids.add(link.habitId);
  return [...ids].sort();
}

/**
 * Keeps goals' `currentValue`/`isCompleted` equal to baseValue + Σ weight × done logs dated
 * ≥ startDate, inside the caller's transaction: locks the goals in id order, counts their
 * contributions, applies the rule, writes them in one UPDATE, and records `goal_completed` for
 * each incomplete → complete change. Three statements for any number of goals.
 */
@Injectable()
export class GoalProgressService {
  constructor(private readonly goals: GoalProgressRepository) {}

  goalIdsLinkedTo(manager: EntityManager, habitIds: string[]): Promise<string[]> {
    return this.goals.goalIdsLinkedTo(manager, habitIds);
  }

  goalIdsOfUser(manager: EntityManager, userId: string): Promise<string[]> {
    return this.goals.goalIdsOfUser(manager, userId);
  }

  /** The goals of these users whose figures are not as of `today` (`all`: every one). */
  staleGoalIdsOf(
    manager: EntityManager,
    userIds: string[],
    today: LocalDate,
    all = false,
  ): Promise<string[]> {
    return this.goals.staleGoalIdsOf(manager, userIds, today, all);
  }

  linksOf(manager: EntityManager, goalIds: string[]): Promise<Map<string, GoalHabitEntity[]>> {
    return this.goals.linksOf(manager, goalIds);
  }

  /** Refreshes the goals linked to these habits (the lookup and the lock in one statement). */
  async refreshLinkedTo(
    manager: EntityManager,
    ctx: DayContext,
    habitIds: string[],
  ): Promise<Map<string, RefreshedGoal>> {
    return this.refreshGoals(manager, ctx, await this.goals.lockGoalsLinkedTo(manager, habitIds));
  }

  async refresh(
    manager: EntityManager,
    ctx: DayContext,
    goalIds: string[],
  ): Promise<Map<string, RefreshedGoal>> {
    if (goalIds.length === 0) return new Map();
    const ids = [...new Set(goalIds)].sort();
    return this.refreshGoals(manager, ctx, await this.goals.lockGoals(manager, ids));
  }

  /**
   * Recomputes goals that the write's own statement locked and counted (`lockedGoalsColumn`,
   * counts from before the write), after that write changed one log of `change.habitId`: its
   * done count moves by `change.doneDelta` in every goal whose range holds `change.date` (null:
   * no log changed). No statement of its own: the UPDATE is deferred to the write's last one.
   */
  refreshLocked(
    ctx: WriteContext,
    locked: LockedGoal[],
    change: { habitId: string; date: LocalDate; doneDelta: number } | null,
  ): Map<string, RefreshedGoal> {
    const result = new Map<string, RefreshedGoal>();
    if (locked.length === 0) return result;
    const computed = locked.map(({ goal, contributions }) => {
      const counted = contributions.map((c) =>
        change !== null &&
        c.habitId === change.habitId &&
        change.date >= goal.startDate &&
        change.date <= ctx.today &&
        c.count === 'completions' &&
        c.amount !== null
          ? { ...c, amount: c.amount + change.doneDelta }
          : c,
      );
      const progress = progressOf(goal, counted, ctx.today);
      const justCompleted = goalJustCompleted(goal, progress);
      const row = {
        id: goal.id,
        currentValue: progress.currentValue,
        isCompleted: progress.isCompleted,
        completedAt: justCompleted ? ctx.now : goal.completedAt,
      };
      return { goal, counted, justCompleted, row };
    });
    ctx.deferred.add(
      this.goals.progressWrite(
        computed.map((c) => c.row),
        ctx.today,
        ctx.now,
      ),
    );
    for (const { goal, counted, justCompleted, row } of computed) {
      Object.assign(goal, {
        currentValue: row.currentValue,
        isCompleted: row.isCompleted,
        completedAt: row.completedAt,
        statsAsOf: ctx.today,
        version: goal.version + 1,
        updatedAt: ctx.now,
      });
      const dto = toGoalDto(goal, counted, ctx.today);
      if (justCompleted) ctx.events.record(goal.userId, 'goal_completed', { goal: dto });
      result.set(goal.id, { goal, dto, justCompleted });
    }
    return result;
  }

  /**
   * `refreshLocked` when every locked goal counts only check habits' done logs; a goal that
   * counts a measurable habit (its values, or its met periods, which the engine counts from its
   * history) is counted again from the database instead, after the write (a few statements).
   */
  async refreshLockedOrRecount(
    manager: EntityManager,
    ctx: WriteContext,
    locked: LockedGoal[],
    change: { habitId: string; date: LocalDate; doneDelta: number } | null,
  ): Promise<Map<string, RefreshedGoal>> {
    const measured = locked.some(({ contributions }) =>
      contributions.some((c) => c.count === 'value' || c.amount === null),
    );
    if (!measured) return this.refreshLocked(ctx, locked, change);
    return this.refreshGoals(
      manager,
      ctx,
      locked.map((l) => l.goal),
    );
  }

  /** Recomputes and writes these goals, already locked in id order. */
  private async refreshGoals(
    manager: EntityManager,
    ctx: DayContext,
    goals: GoalEntity[],
  ): Promise<Map<string, RefreshedGoal>> {
    const result = new Map<string, RefreshedGoal>();
    if (goals.length === 0) return result;
    const contributions = await this.goals.contributions(
      manager,
      goals.map((g) => g.id),
      ctx.today,
    );
    const histories = await this.goals.measureHistories(manager, engineCounted(contributions));
    const computed = goals.map((goal) => {
      const progress = progressOf(goal, contributions.get(goal.id) ?? [], ctx.today, histories);
      const justCompleted = goalJustCompleted(goal, progress);
      return {
        goal,
        justCompleted,
        row: {
          id: goal.id,
          currentValue: progress.currentValue,
          isCompleted: progress.isCompleted,
          completedAt: justCompleted ? ctx.now : goal.completedAt,
        },
      };
    });
    const versions = await this.goals.writeProgress(
      manager,
      computed.map((c) => c.row),
      ctx.today,
      ctx.now,
    );
    for (const { goal, justCompleted, row } of computed) {
      Object.assign(goal, {
        currentValue: row.currentValue,
        isCompleted: row.isCompleted,
        completedAt: row.completedAt,
        statsAsOf: ctx.today,
        version: versions.get(goal.id) ?? goal.version + 1,
        updatedAt: ctx.now,
      });
      const dto = toGoalDto(goal, contributions.get(goal.id) ?? [], ctx.today);
      if (justCompleted) ctx.events.record(goal.userId, 'goal_completed', { goal: dto });
      result.set(goal.id, { goal, dto, justCompleted });
    }
    return result;
  }

  /** Every goal whose stored progress differs from the rule as of its own `statsAsOf`. */
  async differences(manager: EntityManager): Promise<GoalProgressDifference[]> {
    const differences: GoalProgressDifference[] = [];
    for (let after = ZERO_ID; ;) {
      const goals = await this.goals.page(manager, after, VERIFY_BATCH);
      if (goals.length === 0) return differences;
      after = goals[goals.length - 1].id;
      const contributions = await this.goals.contributions(
        manager,
        goals.map((g) => g.id),
        null,
      );
      const histories = await this.goals.measureHistories(manager, engineCounted(contributions));
      for (const goal of goals) {
        const today = goal.statsAsOf ?? goal.startDate;
        const progress = progressOf(goal, contributions.get(goal.id) ?? [], today, histories);
        if (Math.abs(goal.currentValue - progress.currentValue) >= 1e-9)
          differences.push({
            id: goal.id,
            field: 'currentValue',
            stored: goal.currentValue,
            expected: progress.currentValue,
          });
        if (goal.isCompleted !== progress.isCompleted)
          differences.push({
            id: goal.id,
            field: 'isCompleted',
            stored: goal.isCompleted,
            expected: progress.isCompleted,
          });
      }
    }
  }
}

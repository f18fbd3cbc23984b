import { AuthUser } from '@app/common';
import type { LocalDate } from '@app/contracts';
import { UnitOfWork, WriteContext } from '@app/unit-of-work';
import { EntityManager } from 'typeorm';
import { GoalProgressService } from '@app/goal-progress';
import { Injectable } from '@nestjs/common';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';

/**
 * No read returns statistics older than the user's today (SPEC.md §3 "Stored statistics"):
 * when any habit's `statsAsOf` is not today, all of the user's habits and goals are recomputed
 * in one transaction that records the events a write would (e.g. `habit_at_risk`).
 */
@Injectable()
export class HabitFreshnessService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
  ) {}

  /** Returns the user's today, after bringing their statistics up to it. */
  async ensureFresh(user: AuthUser): Promise<LocalDate> {
    const today = this.uow.todayOf(user);
    const stale = await this.uow.read((manager) => this.habits.anyStale(manager, user.id, today));
    if (stale) await this.recomputeUser(user);
    return today;
  }

  /** Recomputes every habit and goal of the user as of their today (a stale read, detect-risks). */
  recomputeUser(user: AuthUser): Promise<void> {
    return this.uow.run(user, (manager, ctx) => this.recomputeUserIn(manager, ctx));
  }

  /**
   * The same inside the caller's transaction, as of `ctx.today`: a change of time zone or
   * day-start hour recomputes all of the user's habits with the write that changed it.
   */
  async recomputeUserIn(manager: EntityManager, ctx: WriteContext): Promise<void> {
    const habits = await this.habits.lockAllOfUser(manager, ctx.user.id);
    const recomputed = await this.stats.recompute(manager, ctx, habits);
    this.stats.recordTransitions(ctx, recomputed.values());
    await this.goals.refresh(manager, ctx, await this.goals.goalIdsOfUser(manager, ctx.user.id));
  }
}

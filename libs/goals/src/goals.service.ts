import { AppError, AuthUser } from '@app/common';
import { GoalDto, GoalProgressService, toGoalDto } from '@app/goal-progress';
import { DomainError, validateGoalLinkCount } from '@app/domain';
import { HabitsRepository } from '@app/habits';
import { UnitOfWork, WriteContext } from '@app/unit-of-work';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreateGoalDto, GoalHabitLinkDto, ReplaceGoalDto, UpdateGoalDto } from './goal-input.dto';
import { GoalLink, GoalsRepository } from './goals.repository';

type PreviousLinks = Map<string, Pick<GoalLink, 'contributionWeight' | 'count'>>;

/** New links weigh 1 and count completions; listed links without a weight or count keep theirs. */
function weighed(links: GoalHabitLinkDto[], previous: PreviousLinks): GoalLink[] {
  return links.map((l) => ({
    habitId: l.habitId,
    contributionWeight: l.contributionWeight ?? previous.get(l.habitId)?.contributionWeight ?? 1,
    count: l.count ?? previous.get(l.habitId)?.count ?? 'completions',
  }));
}

/** At most this many goals per user (SPEC.md §4 "Lists"). */
export const MAX_GOALS_PER_USER = 200;

const goalNotFound = () => AppError.notFound('GOAL_NOT_FOUND', 'Goal not found.');

/** A goal ends on or after the day it starts counting (422, naming the deadline). */
function checkDeadline(startDate: string, deadline: string | null): void {
  if (deadline !== null && deadline < startDate) {
    const message = `The deadline cannot be before the goal starts (${startDate}).`;
    throw AppError.unprocessable('GOAL_DEADLINE_BEFORE_START', message, {
      fields: [{ path: 'deadline', code: 'GOAL_DEADLINE_BEFORE_START', message }],
    });
  }
}

/** Goals CRUD with their habit links (SPEC.md §3 "Goals"); progress is recomputed by every write. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly goals: GoalsRepository,
    private readonly habits: HabitsRepository,
    private readonly progress: GoalProgressService,
  ) {}

  create(user: AuthUser, dto: CreateGoalDto): Promise<GoalDto> {
    // The UnitOfWork holds the user's row lock: concurrent creates cannot both pass the cap.
    return this.uow.run(user, async (manager, ctx) => {
      if ((await this.goals.count(manager, user.id)) >= MAX_GOALS_PER_USER) {
        throw AppError.unprocessable(
          'GOAL_LIMIT_REACHED',
          `A user can have at most ${MAX_GOALS_PER_USER} goals.`,
        );
      }
      checkDeadline(dto.startDate ?? ctx.today, dto.deadline ?? null);
      const links = await this.checkedLinks(manager, user.id, dto.habits ?? [], new Map());
      const goal = await this.goals.insert(manager, {
        userId: user.id,
        name: dto.name,
        description: dto.description ?? null,
        targetValue: dto.targetValue,
        unit: dto.unit,
        deadline: dto.deadline ?? null,
        startDate: dto.startDate ?? ctx.today,
        baseValue: dto.baseValue ?? 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await this.goals.insertLinks(manager, goal.id, weighed(links, new Map()));
      return this.refreshed(manager, ctx, goal.id);
    });
  }

  async list(user: AuthUser): Promise<GoalDto[]> {
    const today = this.uow.todayOf(user);
    return this.uow.read(async (manager) => {
      const goals = await this.goals.list(manager, user.id, MAX_GOALS_PER_USER);
      const links = await this.progress.linksOf(
        manager,
        goals.map((g) => g.id),
      );
      return goals.map((g) => toGoalDto(g, links.get(g.id) ?? [], today));
    });
  }

  async get(user: AuthUser, goalId: string): Promise<GoalDto> {
    const today = this.uow.todayOf(user);
    return this.uow.read(async (manager) => {
      const goal = await this.goals.findOwned(manager, user.id, goalId);
      if (!goal) throw goalNotFound();
      const links = await this.progress.linksOf(manager, [goal.id]);
      return toGoalDto(goal, links.get(goal.id) ?? [], today);
    });
  }

  /** PUT: every field as given; omitted optional ones take their defaults (habits: unchanged when absent). */
  replace(user: AuthUser, goalId: string, dto: ReplaceGoalDto): Promise<GoalDto> {
    return this.edit(user, goalId, {
      name: dto.name,
      description: dto.description ?? null,
      targetValue: dto.targetValue,
      unit: dto.unit,
      deadline: dto.deadline ?? null,
      startDate: dto.startDate,
      baseValue: dto.baseValue ?? 0,
      habits: dto.habits,
    });
  }

  update(user: AuthUser, goalId: string, dto: UpdateGoalDto): Promise<GoalDto> {
    return this.edit(user, goalId, dto);
  }

  remove(user: AuthUser, goalId: string): Promise<void> {
    return this.uow.run(user, async (manager) => {
      if (!(await this.goals.deleteOwned(manager, user.id, goalId))) throw goalNotFound();
    });
  }

  private edit(user: AuthUser, goalId: string, dto: UpdateGoalDto): Promise<GoalDto> {
    if (dto.habits === undefined) return this.editFields(user, goalId, dto);
    return this.uow.run(user, async (manager, ctx) => {
      const goal = await this.goals.lockOwned(manager, user.id, goalId);
      if (!goal) throw goalNotFound();
      checkDeadline(
        dto.startDate ?? goal.startDate,
        dto.deadline === undefined ? goal.deadline : dto.deadline,
      );
      if (dto.habits !== undefined) {
        const existing = await this.goals.linksByHabit(manager, goal.id);
        const links = await this.checkedLinks(manager, user.id, dto.habits, existing);
        await this.goals.replaceLinks(manager, goal.id, weighed(links, existing));
      }
      await this.goals.update(manager, goal.id, {
        name: dto.name ?? goal.name,
        description: dto.description === undefined ? goal.description : dto.description,
        targetValue: dto.targetValue ?? goal.targetValue,
        unit: dto.unit ?? goal.unit,
        deadline: dto.deadline === undefined ? goal.deadline : dto.deadline,
        startDate: dto.startDate ?? goal.startDate,
        baseValue: dto.baseValue ?? goal.baseValue,
      });
      return this.refreshed(manager, ctx, goal.id);
    });
  }

  /**
   * An edit that leaves the links as they are, in five round trips: the guard's lookup, START
   * TRANSACTION with the user's lock, the goal's UPDATE returning it with its links and counts
   * (one statement), its progress and any `goal_completed` in the outbox (one statement), COMMIT.
   */
  private editFields(user: AuthUser, goalId: string, dto: UpdateGoalDto): Promise<GoalDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const locked = await this.goals.updateOwnedWithLinks(
        manager,
        user.id,
        goalId,
        {
          // As `edit`: a null keeps these (`??`); description and deadline take a null.
          name: dto.name ?? undefined,
          description: dto.description,
          targetValue: dto.targetValue ?? undefined,
          unit: dto.unit ?? undefined,
          deadline: dto.deadline,
          startDate: dto.startDate ?? undefined,
          baseValue: dto.baseValue ?? undefined,
        },
        ctx.today,
      );
      if (!locked) {
        // Nothing updated: not the user's goal, or a deadline before the start (say which).
        const goal = await this.goals.findOwned(manager, user.id, goalId);
        if (!goal) throw goalNotFound();
        checkDeadline(
          dto.startDate ?? goal.startDate,
          dto.deadline === undefined ? goal.deadline : dto.deadline,
        );
        throw new Error(`goal ${goalId} was not updated`);
      }
      return (await this.progress.refreshLockedOrRecount(manager, ctx, [locked], null)).get(
        locked.goal.id,
      )!.dto;
    });
  }

  /**
   * Each habit at most once, and all of them the user's (404 otherwise, like any other id);
   * `count: value` only for a measurable habit (400 GOAL_COUNT_NEEDS_MEASURE).
   */
  private async checkedLinks(
    manager: EntityManager,
    userId: string,
    links: GoalHabitLinkDto[],
    previous: PreviousLinks,
  ): Promise<GoalHabitLinkDto[]> {
    const ids = links.map((l) => l.habitId.toLowerCase());
    const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (duplicate >= 0) {
      throw AppError.validation([
        {
          path: `habits[${duplicate}].habitId`,
          code: 'HABIT_LINKED_TWICE',
          message: 'A habit is linked at most once.',
        },
      ]);
    }
    const kinds = await this.habits.ownedKinds(manager, userId, ids);
    if (ids.some((id) => !kinds.has(id)))
      throw AppError.notFound('HABIT_NOT_FOUND', 'Habit not found.');
    const errors = links.flatMap((l, i) =>
      validateGoalLinkCount(
        l.count ?? previous.get(ids[i])?.count ?? 'completions',
        kinds.get(ids[i])!,
        `habits[${i}].count`,
      ),
    );
    if (errors.length > 0)
      throw new DomainError(errors[0].code, 'A goal link cannot count that.', errors);
    return links.map((l, i) => ({
      habitId: ids[i],
      contributionWeight: l.contributionWeight,
      count: l.count,
    }));
  }

  private async refreshed(
    manager: EntityManager,
    ctx: WriteContext,
    goalId: string,
  ): Promise<GoalDto> {
    return (await this.progress.refresh(manager, ctx, [goalId])).get(goalId)!.dto;
  }
}

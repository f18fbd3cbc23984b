import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  GoalsService,
  HabitsService,
  type GoalDto,
  type HabitDto,
} from '@habit-tracker/api-client';
import { debounceTime, filter, firstValueFrom } from 'rxjs';
import { withParsedBody } from '../account/account-errors';
import { toUserFacingError } from '../errors/user-facing-error';
import { LiveEvents } from '../live/live-events';
import { pageLoad } from '../shared/page-load';
import {
  formatAmount,
  goalProgress,
  type GoalProgressView,
  mergeGoal,
  sortGoals,
} from './goal-progress';

/** How long a goal that was just reached stays highlighted. */
export const CELEBRATE_FOR_MS = 12_000;

/** What one goal's card shows. */
export interface GoalCard {
  goal: GoalDto;
  view: GoalProgressView;
  celebrating: boolean;
  links: { habitId: string; name: string; weight: string }[];
}

/**
 * The goals page's data: the goals (kept by version, merged with live events) and the habits
 * they count, the goals just reached (celebrated for a while), and deleting.
 */
@Injectable()
export class GoalsStore {
  private readonly goalsApi = inject(GoalsService);
  private readonly habitsApi = inject(HabitsService);
  private readonly goals = signal<GoalDto[]>([]);
  private readonly celebrating = signal<ReadonlySet<string>>(new Set());

  readonly habits = signal<HabitDto[]>([]);
  readonly loader = pageLoad(
    () =>
      Promise.all([
        firstValueFrom(this.goalsApi.listGoals()),
        firstValueFrom(this.habitsApi.listHabits()),
      ]),
    ([goals, habits]) => {
      for (const goal of goals) this.receive(goal);
      this.goals.update((held) => held.filter((g) => goals.some((fresh) => fresh.id === g.id)));
      this.habits.set(habits);
    },
  );
  /** The last failed delete, in words. */
  readonly actionError = signal<string | null>(null);
  readonly cards = computed<GoalCard[]>(() => {
    const names = new Map(this.habits().map((habit) => [habit.id, habit.name]));
    const celebrating = this.celebrating();
    return sortGoals(this.goals()).map((goal) => ({
      goal,
      view: goalProgress(goal),
      celebrating: celebrating.has(goal.id),
      links: goal.habits.map((link) => ({
        habitId: link.habitId,
        name: names.get(link.habitId) ?? 'A habit',
        weight: formatAmount(link.contributionWeight),
      })),
    }));
  });

  constructor() {
    const live = inject(LiveEvents);
    const destroyRef = inject(DestroyRef);
    live.events$.pipe(takeUntilDestroyed(destroyRef)).subscribe((event) => {
      if (event.type === 'goal_completed') this.receive(event.payload.goal as GoalDto);
    });
    // A log changes the goals it counts towards; events carry the habit, so re-read the goals.
    live.events$
      .pipe(
        filter((event) => event.type === 'habit_logged'),
        debounceTime(300),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => void this.loader.refresh());
    live.resync$.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => void this.loader.refresh());
  }

  /** The answer to our own write: always taken, then celebrated if it was reached just now. */
  keepSaved(goal: GoalDto): void {
    const before = this.goals().find((held) => held.id === goal.id);
    this.goals.update((held) => [...held.filter((g) => g.id !== goal.id), goal]);
    if (goal.isCompleted && !before?.isCompleted) this.celebrate(goal.id);
  }

  async deleteGoal(goal: GoalDto): Promise<void> {
    this.actionError.set(null);
    try {
      await firstValueFrom(this.goalsApi.deleteGoal({ id: goal.id }));
      this.goals.update((held) => held.filter((g) => g.id !== goal.id));
    } catch (error) {
      this.actionError.set(
        `“${goal.name}” was not deleted. ${toUserFacingError(withParsedBody(error)).message}`,
      );
    }
  }

  /** A goal from the server (a list read or a live event), kept if newer. */
  private receive(goal: GoalDto): void {
    const before = this.goals().find((held) => held.id === goal.id);
    this.goals.update((held) => mergeGoal(held, goal));
    if (goal.isCompleted && before && !before.isCompleted) this.celebrate(goal.id);
  }

  private celebrate(goalId: string): void {
    this.celebrating.update((ids) => new Set(ids).add(goalId));
    setTimeout(() => {
      this.celebrating.update((ids) => {
        const next = new Set(ids);
        next.delete(goalId);
        return next;
      });
    }, CELEBRATE_FOR_MS);
  }
}

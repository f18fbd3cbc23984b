import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  GoalsService,
  HabitsService,
  type GoalDto,
  type HabitDto,
} from '@habit-tracker/api-client';
import { debounceTime, filter, firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { withParsedBody } from '../account/account-errors';
import { toUserFacingError } from '../errors/user-facing-error';
import { LiveEvents } from '../live/live-events';
import { GoalEditorComponent } from './goal-editor.component';
import { formatAmount, goalProgress, mergeGoal, sortGoals } from './goal-progress';

/** How long a goal that was just reached stays highlighted. */
const CELEBRATE_FOR_MS = 12_000;

@Component({
  selector: 'ht-goals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GoalEditorComponent, RouterLink],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="goals-header">
        <h1>Goals</h1>
        @if (editing() === null) {
          <button type="button" class="primary" (click)="startNewGoal()">New goal</button>
        }
      </header>

      @if (editing() === 'new') {
        <section class="editor">
          <ht-goal-editor
            [habits]="habits()"
            [today]="today()"
            (saved)="keepSaved($event)"
            (cancelled)="stopEditing()"
          />
        </section>
      }
      @if (actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }

      @switch (state()) {
        @case ('loading') {
          <p class="placeholder" role="status">Loading goals…</p>
        }
        @case ('error') {
          <div class="placeholder" role="alert">
            <p>Goals could not be loaded. {{ loadError() }}</p>
            <button type="button" (click)="load()">Try again</button>
          </div>
        }
        @default {
          @if (cards().length === 0) {
            <div class="placeholder" data-testid="no-goals">
              <p><strong>No goals yet.</strong></p>
              <p>A goal adds up the habits you link to it, e.g. “Run 50 times this year”.</p>
            </div>
          }
          <ul class="goal-list" aria-label="Goals">
            @for (card of cards(); track card.goal.id) {
              <li>
                @if (editing() === card.goal.id) {
                  <section class="editor">
                    <ht-goal-editor
                      [goal]="card.goal"
                      [habits]="habits()"
                      [today]="today()"
                      (saved)="keepSaved($event)"
                      (cancelled)="stopEditing()"
                    />
                  </section>
                } @else {
                  <article
                    class="goal"
                    [class.completed]="card.view.state === 'completed'"
                    [class.overdue]="card.view.state === 'overdue'"
                    [class.celebrating]="card.celebrating"
                    [attr.aria-labelledby]="'goal-' + card.goal.id"
                  >
                    <div class="goal-top">
                      <h2 [id]="'goal-' + card.goal.id">{{ card.goal.name }}</h2>
                      @switch (card.view.state) {
                        @case ('completed') {
                          <span class="badge done" data-testid="goal-state">Reached</span>
                        }
                        @case ('overdue') {
                          <span class="badge late" data-testid="goal-state">Overdue</span>
                        }
                      }
                    </div>
                    @if (card.celebrating) {
                      <p class="celebration" role="status">🎉 Goal reached — well done!</p>
                    }
                    @if (card.goal.description) {
                      <p class="description">{{ card.goal.description }}</p>
                    }
                    <div
                      class="bar"
                      role="progressbar"
                      [attr.aria-label]="'Progress of ' + card.goal.name"
                      aria-valuemin="0"
                      [attr.aria-valuemax]="card.goal.targetValue"
                      [attr.aria-valuenow]="card.goal.currentValue"
                      [attr.aria-valuetext]="card.view.label"
                    >
                      <span class="fill" [style.width.%]="card.view.percent"></span>
                    </div>
                    <p class="figures">
                      <strong data-testid="goal-progress">{{ card.view.label }}</strong>
                      @if (card.view.remainingLabel) {
                        <span>{{ card.view.remainingLabel }}</span>
                      }
                    </p>
                    @if (card.view.deadlineLabel; as deadline) {
                      <p class="deadline">{{ deadline }}</p>
                    }
                    @if (card.links.length > 0) {
                      <div class="links">
                        <span>From:</span>
                        <ul aria-label="Counted habits">
                          @for (link of card.links; track link.habitId) {
                            <li>
                              <a [routerLink]="['/habits', link.habitId]">{{ link.name }}</a>
                              @if (link.weight !== '1') {
                                <span class="weight">×{{ link.weight }}</span>
                              }
                            </li>
                          }
                        </ul>
                      </div>
                    }
                    <div class="actions">
                      <button type="button" (click)="startEditing(card.goal)">
                        Edit<span class="visually-hidden"> {{ card.goal.name }}</span>
                      </button>
                      @if (confirmingDelete() === card.goal.id) {
                        <button type="button" class="danger" (click)="deleteGoal(card.goal)">
                          Confirm delete<span class="visually-hidden"> {{ card.goal.name }}</span>
                        </button>
                        <button type="button" class="quiet" (click)="confirmingDelete.set(null)">
                          Keep
                        </button>
                      } @else {
                        <button
                          type="button"
                          class="quiet"
                          (click)="confirmingDelete.set(card.goal.id)"
                        >
                          Delete<span class="visually-hidden"> {{ card.goal.name }}</span>
                        </button>
                      }
                    </div>
                  </article>
                }
              </li>
            }
          </ul>
        }
      }
    </main>
  `,
  styles: `
    .goals-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    .goals-header h1 {
      margin: 0;
    }
    .editor,
    .goal {
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    .editor {
      margin-bottom: 1rem;
    }
    .goal-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .goal-top {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
      overflow-wrap: anywhere;
    }
    .badge {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 700;
      white-space: nowrap;
    }
    .badge.done {
      background: var(--accent-soft);
      color: var(--ink);
    }
    .badge.late {
      background: var(--danger-soft);
      color: var(--ink);
    }
    .goal.overdue {
      border-color: var(--danger);
    }
    .goal.celebrating {
      border-color: var(--success);
      box-shadow: 0 0 0 3px var(--accent-soft);
    }
    .celebration {
      margin: 0.4rem 0 0;
      font-weight: 700;
      color: var(--success);
    }
    .description,
    .deadline,
    .links {
      margin: 0.35rem 0 0;
      color: var(--ink-muted);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .links ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .links li:not(:last-child)::after {
      content: ',';
    }
    .bar {
      margin-top: 0.75rem;
      height: 0.8rem;
      border-radius: 999px;
      background: var(--accent-soft);
      overflow: hidden;
      border: 1px solid var(--line);
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--accent);
      transition: width 0.4s ease-out;
    }
    .goal.overdue .fill {
      background: var(--danger);
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      margin: 0.4rem 0 0;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.6rem;
    }
    button.danger {
      border-color: var(--danger);
      color: var(--danger);
    }
    .placeholder {
      padding: 1.5rem 1rem;
      border: 1px dashed var(--line);
      border-radius: 12px;
      text-align: center;
      color: var(--ink-muted);
      margin-bottom: 1rem;
    }
    .placeholder p {
      margin: 0.25rem 0;
    }
    .banner.error {
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      background: var(--danger-soft);
    }
    @media (prefers-reduced-motion: no-preference) {
      .celebrating {
        animation: celebrate 0.9s ease-out 2;
      }
    }
    @keyframes celebrate {
      50% {
        transform: scale(1.015);
      }
    }
  `,
})
export class GoalsPage implements OnInit {
  private readonly goalsApi = inject(GoalsService);
  private readonly habitsApi = inject(HabitsService);
  private readonly session = inject(SessionService);
  private readonly goals = signal<GoalDto[]>([]);
  private readonly celebrating = signal<ReadonlySet<string>>(new Set());

  protected readonly habits = signal<HabitDto[]>([]);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  /** 'new', a goal id, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly today = computed(() => this.session.user()?.today ?? null);
  protected readonly cards = computed(() => {
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
      .subscribe(() => void this.fetch());
    live.resync$.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => void this.fetch());
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    await this.fetch();
  }

  protected startNewGoal(): void {
    this.editing.set('new');
  }

  protected startEditing(goal: GoalDto): void {
    this.confirmingDelete.set(null);
    this.editing.set(goal.id);
  }

  protected stopEditing(): void {
    this.editing.set(null);
  }

  protected keepSaved(goal: GoalDto): void {
    this.editing.set(null);
    // The answer to our own write: always take it, then celebrate if it was reached just now.
    const before = this.goals().find((held) => held.id === goal.id);
    this.goals.update((held) => [...held.filter((g) => g.id !== goal.id), goal]);
    if (goal.isCompleted && !before?.isCompleted) this.celebrate(goal.id);
  }

  protected async deleteGoal(goal: GoalDto): Promise<void> {
    this.actionError.set(null);
    try {
      await firstValueFrom(this.goalsApi.deleteGoal({ id: goal.id }));
      this.goals.update((held) => held.filter((g) => g.id !== goal.id));
    } catch (error) {
      this.actionError.set(
        `“${goal.name}” was not deleted. ${toUserFacingError(withParsedBody(error)).message}`,
      );
    } finally {
      this.confirmingDelete.set(null);
    }
  }

  private receive(goal: GoalDto): void {
    const before = this.goals().find((held) => held.id === goal.id);
    this.goals.update((held) => mergeGoal(held, goal));
    if (goal.isCompleted && before && !before.isCompleted) this.celebrate(goal.id);
  }

  private async fetch(): Promise<void> {
    try {
      const [goals, habits] = await Promise.all([
        firstValueFrom(this.goalsApi.listGoals()),
        firstValueFrom(this.habitsApi.listHabits()),
      ]);
      for (const goal of goals) this.receive(goal);
      this.goals.update((held) => held.filter((g) => goals.some((fresh) => fresh.id === g.id)));
      this.habits.set(habits);
      this.state.set('ready');
      this.loadError.set(null);
    } catch (error) {
      if (this.state() !== 'ready') this.state.set('error');
      this.loadError.set(toUserFacingError(error).message);
    }
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

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
  AnalyticsService,
  HabitLogsService,
  HabitsService,
  type DashboardDto,
  type HabitDto,
} from '@habit-tracker/api-client';
import { debounceTime, firstValueFrom, merge } from 'rxjs';
import { toUserFacingError } from '../errors/user-facing-error';
import { LiveEvents } from '../live/live-events';
import { formatLocalDate } from '../today/day-clock';
import { WeekChartComponent } from './week-chart.component';

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

@Component({
  selector: 'ht-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, WeekChartComponent],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="dash-header">
        <h1>Dashboard</h1>
        @if (dateLabel(); as date) {
          <p class="date">{{ date }}</p>
        }
      </header>
      @if (actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }
      @switch (state()) {
        @case ('loading') {
          <p class="placeholder" role="status">Loading your figures…</p>
        }
        @case ('error') {
          <div class="placeholder" role="alert">
            <p>The dashboard could not be loaded. {{ loadError() }}</p>
            <button type="button" (click)="load()">Try again</button>
          </div>
        }
        @default {
          @if (atRisk().length > 0) {
            <section class="at-risk" aria-labelledby="at-risk-heading">
              <h2 id="at-risk-heading">At risk</h2>
              <ul>
                @for (habit of atRisk(); track habit.id) {
                  <li data-testid="at-risk-habit">
                    <div>
                      <a [routerLink]="['/habits', habit.id]" class="habit-name">{{
                        habit.name
                      }}</a>
                      <p class="reason">
                        {{ habit.consecutiveMisses }}
                        {{ habit.consecutiveMisses === 1 ? 'miss' : 'misses' }} in a row
                      </p>
                    </div>
                    @if (habit.todayLog?.status === 'done') {
                      <span class="logged">Done today</span>
                    } @else if (habit.dueToday) {
                      <button
                        type="button"
                        class="primary"
                        [disabled]="logging() === habit.id"
                        (click)="logDone(habit)"
                      >
                        Done<span class="visually-hidden"> {{ habit.name }}</span>
                      </button>
                    }
                  </li>
                }
              </ul>
            </section>
          }
          @if (dashboard(); as d) {
            <section class="cards" aria-label="Figures">
              <article class="card" data-testid="card-today">
                <h2>Due today</h2>
                <p class="figure" data-testid="due-today">
                  {{ d.dueToday.done }} of {{ d.dueToday.due }}
                </p>
                <p class="sub">{{ d.dueToday.remaining }} still open</p>
              </article>
              <article class="card">
                <h2>Last 7 days</h2>
                <p class="figure" data-testid="rate-7d">{{ rate7d() }}</p>
                <p class="sub">done of what was due</p>
              </article>
              <article class="card">
                <h2>Last 30 days</h2>
                <p class="figure">{{ rate30d() }}</p>
                <p class="sub">done of what was due</p>
              </article>
              <article class="card">
                <h2>Consistency</h2>
                <p class="figure">{{ consistency() }}</p>
                <p class="sub">average over your habits</p>
              </article>
              <article class="card">
                <h2>Habits</h2>
                <p class="figure">{{ d.habitsByStatus.active + d.habitsByStatus.atRisk }}</p>
                <p class="sub">
                  {{ d.habitsByStatus.atRisk }} at risk · {{ d.habitsByStatus.paused }} paused ·
                  {{ d.habitsByStatus.archived }} archived
                </p>
              </article>
              <article class="card">
                <h2>Goals reached</h2>
                <p class="figure" data-testid="goals-completed">{{ d.goals.completed }}</p>
                <p class="sub">
                  {{ d.goals.inProgress }} in progress · {{ d.goals.overdue }} overdue ·
                  <a routerLink="/goals">see goals</a>
                </p>
              </article>
            </section>

            <section class="panel" aria-labelledby="week-heading">
              <h2 id="week-heading">The week</h2>
              <ht-week-chart [days]="d.last7Days" />
            </section>

            @if (bestStreaks().length > 0) {
              <section class="panel" aria-labelledby="streaks-heading">
                <h2 id="streaks-heading">Best current streaks</h2>
                <ol class="streaks">
                  @for (streak of bestStreaks(); track streak.habitId) {
                    <li>
                      <a [routerLink]="['/habits', streak.habitId]">{{ streak.name }}</a>
                      <span>{{ streak.label }}</span>
                    </li>
                  }
                </ol>
              </section>
            }
          }
        }
      }
    </main>
  `,
  styles: `
    .dash-header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
      margin-bottom: 1rem;
    }
    .dash-header h1,
    .date {
      margin: 0;
    }
    .date {
      color: var(--ink-muted);
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.4rem;
    }
    .cards {
      display: grid;
      /* Six figures: 3 × 2, or 2 × 3 on phones (never one alone on a row). */
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    @media (min-width: 641px) {
      .cards {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
    .card,
    .panel,
    .at-risk {
      padding: 0.9rem 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    .card h2 {
      font-size: 0.95rem;
      color: var(--ink-muted);
    }
    .figure {
      margin: 0;
      font-size: 1.6rem;
      font-weight: 700;
    }
    .sub {
      margin: 0.2rem 0 0;
      color: var(--ink-muted);
      font-size: 0.9rem;
    }
    .panel {
      margin-bottom: 1rem;
    }
    .at-risk {
      border-color: var(--danger);
      border-left-width: 6px;
      margin-bottom: 1rem;
    }
    .at-risk ul,
    .streaks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .at-risk li,
    .streaks li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }
    .habit-name {
      font-weight: 600;
    }
    .reason {
      margin: 0.1rem 0 0;
      color: var(--danger);
      font-size: 0.92rem;
    }
    .logged {
      color: var(--success);
      font-weight: 600;
    }
    .placeholder {
      padding: 1.5rem 1rem;
      border: 1px dashed var(--line);
      border-radius: 12px;
      text-align: center;
      color: var(--ink-muted);
    }
    .banner.error {
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      background: var(--danger-soft);
    }
  `,
})
export class DashboardPage implements OnInit {
  private readonly analyticsApi = inject(AnalyticsService);
  private readonly habitsApi = inject(HabitsService);
  private readonly logsApi = inject(HabitLogsService);
  private readonly habits = signal<HabitDto[]>([]);

  protected readonly dashboard = signal<DashboardDto | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly logging = signal<string | null>(null);
  protected readonly dateLabel = computed(() => {
    const today = this.dashboard()?.today;
    return today ? formatLocalDate(today) : null;
  });
  protected readonly rate7d = computed(() => percent(this.dashboard()?.completionRate7d ?? null));
  protected readonly rate30d = computed(() => percent(this.dashboard()?.completionRate30d ?? null));
  protected readonly consistency = computed(() =>
    percent(this.dashboard()?.averageConsistency ?? null),
  );
  protected readonly atRisk = computed(() =>
    this.habits()
      .filter((habit) => habit.status === 'at_risk')
      .sort((a, b) => b.consecutiveMisses - a.consecutiveMisses),
  );
  protected readonly bestStreaks = computed(() => {
    const names = new Map(this.habits().map((habit) => [habit.id, habit.name]));
    return (this.dashboard()?.bestStreaks ?? []).map((streak) => ({
      habitId: streak.habitId,
      name: names.get(streak.habitId) ?? 'A habit',
      label: `${streak.value} ${streak.unit}${streak.value === 1 ? '' : 's'}`,
    }));
  });

  constructor() {
    const live = inject(LiveEvents);
    // Any event can move the figures; a burst of them is one re-read.
    merge(live.events$, live.resync$)
      .pipe(debounceTime(250), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => void this.fetch());
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    await this.fetch();
  }

  protected async logDone(habit: HabitDto): Promise<void> {
    this.logging.set(habit.id);
    this.actionError.set(null);
    try {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ body: { habitId: habit.id, status: 'done' } }),
      );
      this.habits.update((list) => list.map((h) => (h.id === snapshot.id ? snapshot : h)));
      await this.fetch();
    } catch (error) {
      this.actionError.set(`“${habit.name}” was not logged. ${toUserFacingError(error).message}`);
    } finally {
      this.logging.set(null);
    }
  }

  private async fetch(): Promise<void> {
    try {
      const [dashboard, habits] = await Promise.all([
        firstValueFrom(this.analyticsApi.getDashboard()),
        firstValueFrom(this.habitsApi.listHabits()),
      ]);
      this.dashboard.set(dashboard);
      this.habits.set(habits);
      this.state.set('ready');
      this.loadError.set(null);
    } catch (error) {
      if (this.state() !== 'ready') this.state.set('error');
      this.loadError.set(toUserFacingError(error).message);
    }
  }
}

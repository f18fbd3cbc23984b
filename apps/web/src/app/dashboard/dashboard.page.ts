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
import { LoadStateComponent } from '../shared/load-state.component';
import { pageLoad } from '../shared/page-load';
import { formatLocalDate } from '../today/day-clock';
import { AtRiskHabitsComponent } from './at-risk-habits.component';
import { DashboardFiguresComponent } from './dashboard-figures.component';
import { WeekChartComponent } from './week-chart.component';

@Component({
  selector: 'ht-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    AtRiskHabitsComponent,
    DashboardFiguresComponent,
    LoadStateComponent,
    WeekChartComponent,
  ],
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
      @if (loader.ready()) {
        @if (atRisk().length > 0) {
          <ht-at-risk-habits
            [habits]="atRisk()"
            [loggingId]="logging()"
            (doneTapped)="logDone($event)"
          />
        }
        @if (dashboard(); as d) {
          <ht-dashboard-figures [dashboard]="d" />

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
      } @else {
        <ht-load-state
          [loader]="loader"
          loadingText="Loading your figures…"
          failedText="The dashboard could not be loaded."
        />
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
    .panel {
      padding: 0.9rem 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
      margin-bottom: 1rem;
    }
    .streaks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .streaks li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }
  `,
})
export class DashboardPage implements OnInit {
  private readonly analyticsApi = inject(AnalyticsService);
  private readonly habitsApi = inject(HabitsService);
  private readonly logsApi = inject(HabitLogsService);
  private readonly habits = signal<HabitDto[]>([]);

  protected readonly dashboard = signal<DashboardDto | null>(null);
  protected readonly loader = pageLoad(
    () =>
      Promise.all([
        firstValueFrom(this.analyticsApi.getDashboard()),
        firstValueFrom(this.habitsApi.listHabits()),
      ]),
    ([dashboard, habits]) => {
      this.dashboard.set(dashboard);
      this.habits.set(habits);
    },
  );
  protected readonly actionError = signal<string | null>(null);
  protected readonly logging = signal<string | null>(null);
  protected readonly dateLabel = computed(() => {
    const today = this.dashboard()?.today;
    return today ? formatLocalDate(today) : null;
  });
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
      .subscribe(() => void this.loader.refresh());
  }

  ngOnInit(): void {
    void this.loader.load();
  }

  protected async logDone(habit: HabitDto): Promise<void> {
    this.logging.set(habit.id);
    this.actionError.set(null);
    try {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ body: { habitId: habit.id, status: 'done' } }),
      );
      this.habits.update((list) => list.map((h) => (h.id === snapshot.id ? snapshot : h)));
      await this.loader.refresh();
    } catch (error) {
      this.actionError.set(`“${habit.name}” was not logged. ${toUserFacingError(error).message}`);
    } finally {
      this.logging.set(null);
    }
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';
import { DayLogComponent } from './day-log.component';
import { HabitActionsComponent } from './habit-actions.component';
import { HabitChartsComponent } from './habit-charts.component';
import { HabitDetailStore, type LogStatus, type SuggestionType } from './habit-detail.store';
import { HabitSuggestionsComponent } from './habit-suggestions.component';
import { scheduleWords, STATUS_LABELS } from './habit-words';
import { YearHeatmapComponent } from './year-heatmap.component';
import { MonthCalendarComponent } from './month-calendar.component';
import { HabitFiguresComponent } from './habit-figures.component';
import { mediaMatches, NARROW_QUERY } from '../shared/media';

/** One habit: its numbers, its year of days (open a day to log it), charts and suggestions. */
@Component({
  selector: 'ht-habit-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    YearHeatmapComponent,
    MonthCalendarComponent,
    HabitFiguresComponent,
    DayLogComponent,
    HabitSuggestionsComponent,
    HabitActionsComponent,
    HabitChartsComponent,
  ],
  providers: [HabitDetailStore],
  template: `
    <main id="main" class="page wide" tabindex="-1">
      <p class="back"><a routerLink="/habits">← All habits</a></p>
      @if (store.loadError(); as message) {
        <div class="placeholder" role="alert">
          <p>The habit could not be loaded. {{ message }}</p>
          <button type="button" (click)="reloadHabit()">Try again</button>
        </div>
      }
      @if (store.habit(); as habit) {
        <header class="title">
          <div>
            <h1>
              @if (habit.icon) {
                <span class="icon" aria-hidden="true">{{ habit.icon }}</span>
              }
              {{ habit.name }}
            </h1>
            <p class="subtitle">
              <span data-testid="schedule">{{ schedule() }}</span>
              <span class="badge" data-testid="status">{{ statusLabel() }}</span>
            </p>
            @if (habit.description) {
              <p class="description">{{ habit.description }}</p>
            }
          </div>
          <a class="button" [routerLink]="['/habits', habit.id, 'edit']">Edit</a>
        </header>

        @if (store.actionError(); as message) {
          <p class="banner error" role="alert">{{ message }}</p>
        }

        <section aria-labelledby="numbers-heading">
          <h2 id="numbers-heading" class="visually-hidden">Numbers</h2>
          <ht-habit-figures [habit]="habit" />
        </section>

        <section aria-labelledby="year-heading">
          <h2 id="year-heading">{{ narrow() ? 'By month' : 'The last year' }}</h2>
          @if (store.grid(); as grid) {
            @if (narrow()) {
              <ht-month-calendar
                [grid]="grid"
                [habitName]="habit.name"
                [selectedDate]="openDate()"
                (daySelected)="openDay($event)"
              />
            } @else {
              <ht-year-heatmap
                [grid]="grid"
                [habitName]="habit.name"
                [selectedDate]="openDate()"
                (daySelected)="openDay($event)"
              />
            }
          } @else {
            <p class="placeholder" role="status">Loading the year…</p>
          }
          @if (openDate(); as date) {
            <ht-day-log
              [date]="date"
              [dayStatus]="openDayStatus()"
              [log]="openDayLog()"
              [busy]="store.busy()"
              [error]="store.dayError()"
              (saved)="logOpenDay($event)"
              (cleared)="clearOpenDay()"
              (closed)="closeDay()"
            />
          }
        </section>

        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">Suggestions</h2>
          <ht-habit-suggestions
            [suggestions]="store.suggestions()"
            [busy]="store.busy()"
            (applied)="applySuggestion($event)"
            (dismissed)="dismissSuggestion($event)"
          />
        </section>

        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading">Progress</h2>
          @defer (on idle) {
            <ht-habit-charts
              [weekly]="store.chartWeeks()"
              [monthly]="store.chartMonths()"
              [trend]="store.trend()"
            />
          } @placeholder {
            <p class="placeholder">Loading charts…</p>
          }
        </section>

        <section aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <ht-habit-actions
            [habit]="habit"
            (changed)="receiveHabit($event)"
            (deleted)="leaveDeletedHabit()"
          />
        </section>
      } @else if (!store.loadError()) {
        <p class="placeholder" role="status">Loading the habit…</p>
      }
    </main>
  `,
  styles: `
    .page.wide {
      max-width: 62rem;
    }
    .back {
      margin: 0 0 0.5rem;
    }
    .title {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 1rem;
    }
    .title h1 {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .subtitle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0.25rem 0;
      color: var(--ink-muted);
    }
    .badge {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      background: var(--accent-soft);
      color: var(--ink);
      font-size: 0.85rem;
      font-weight: 600;
    }
    .description {
      margin: 0.25rem 0 0;
    }
    .button {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.45rem 1rem;
      border: 1px solid var(--line);
      border-radius: 8px;
      background: var(--surface);
      color: var(--ink);
      text-decoration: none;
    }
    section {
      margin-top: 1.5rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.6rem;
    }
    .icon {
      margin-right: 0.3rem;
    }
    .banner.error {
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      background: var(--danger-soft);
    }
    .placeholder {
      padding: 1.5rem 1rem;
      border: 1px dashed var(--line);
      border-radius: 12px;
      text-align: center;
      color: var(--ink-muted);
    }
  `,
})
export class HabitDetailPage {
  protected readonly store = inject(HabitDetailStore);
  private readonly router = inject(Router);

  /** The habit's id from the route. */
  readonly id = input.required<string>();

  protected readonly openDate = signal<string | null>(null);
  private readonly habit = computed<HabitDto | null>(() => this.store.habit());
  protected readonly schedule = computed(() => {
    const habit = this.habit();
    return habit ? scheduleWords(habit) : '';
  });
  protected readonly statusLabel = computed(() => {
    const habit = this.habit();
    return habit ? STATUS_LABELS[habit.status] : '';
  });
  /** Phones get a month calendar with thumb-sized days instead of the 53-week grid. */
  protected readonly narrow = mediaMatches(NARROW_QUERY);
  protected readonly openDayStatus = computed(() => {
    const date = this.openDate();
    return date ? (this.store.heatmapDays()?.find((d) => d.date === date)?.status ?? null) : null;
  });
  protected readonly openDayLog = computed(() => {
    const date = this.openDate();
    return date ? (this.store.logs().get(date) ?? null) : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.openDate.set(null);
        void this.store.load(id);
      });
    });
  }

  protected reloadHabit(): Promise<void> {
    return this.store.load(this.id());
  }

  protected openDay(date: string): void {
    this.store.dayError.set(null);
    this.openDate.set(date);
  }

  protected closeDay(): void {
    const date = this.openDate();
    this.openDate.set(null);
    if (date) document.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus();
  }

  protected logOpenDay(entry: { status: LogStatus; notes: string }): Promise<void> {
    const date = this.openDate();
    return date ? this.store.logDay(date, entry.status, entry.notes) : Promise.resolve();
  }

  protected clearOpenDay(): Promise<void> {
    const date = this.openDate();
    return date ? this.store.clearDay(date) : Promise.resolve();
  }

  protected applySuggestion(type: SuggestionType): Promise<void> {
    return this.store.applySuggestion(type);
  }

  protected dismissSuggestion(type: SuggestionType): Promise<void> {
    return this.store.dismissSuggestion(type);
  }

  protected receiveHabit(habit: HabitDto): Promise<void> {
    return this.store.receive(habit);
  }

  protected async leaveDeletedHabit(): Promise<void> {
    await this.router.navigate(['/habits']);
  }
}

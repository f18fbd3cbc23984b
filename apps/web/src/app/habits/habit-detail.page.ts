import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';
import { HabitActionsComponent } from './habit-actions.component';
import { HabitChartsComponent } from './habit-charts.component';
import { MeasureChartComponent } from './measure-chart.component';
import { HabitDetailStore, type SuggestionType } from './habit-detail.store';
import { HabitSuggestionsComponent } from './habit-suggestions.component';
import { scheduleWords, STATUS_LABELS } from './habit-words';
import { HabitDaysComponent } from './habit-days.component';
import { HabitFiguresComponent } from './habit-figures.component';
import { mediaMatches, NARROW_QUERY } from '../shared/media';
import { LoadStateComponent } from '../shared/load-state.component';

/** One habit: its numbers, its year of days (open a day to log it), charts and suggestions. */
@Component({
  selector: 'ht-habit-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    HabitDaysComponent,
    HabitFiguresComponent,
    HabitSuggestionsComponent,
    HabitActionsComponent,
    HabitChartsComponent,
    MeasureChartComponent,
    LoadStateComponent,
  ],
  providers: [HabitDetailStore],
  template: `
    <main id="main" class="page wide" tabindex="-1">
      <p class="back"><a routerLink="/habits">← All habits</a></p>
      @if (shownHabit(); as habit) {
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
          <h2 id="year-heading">{{ yearHeading() }}</h2>
          <ht-habit-days [habit]="habit" [narrow]="narrow()" />
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
            @if (habit.kind === 'measure' && habit.target) {
              <ht-measure-chart
                class="values"
                [values]="store.values()"
                [unit]="habit.unit ?? ''"
                [period]="habit.target.period"
              />
            }
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
      } @else {
        <ht-load-state
          [loader]="store.loader"
          loadingText="Loading the habit…"
          failedText="The habit could not be loaded."
        />
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
    section {
      margin-top: 1.5rem;
    }
    .values {
      margin-bottom: 1rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.6rem;
    }
    .icon {
      margin-right: 0.3rem;
    }
  `,
})
export class HabitDetailPage {
  protected readonly store = inject(HabitDetailStore);
  private readonly router = inject(Router);

  /** The habit's id from the route. */
  readonly id = input.required<string>();

  /** The habit once its page has loaded (a new id shows the loading state first). */
  protected readonly shownHabit = computed<HabitDto | null>(() =>
    this.store.loader.ready() ? this.store.habit() : null,
  );
  protected readonly schedule = computed(() => {
    const habit = this.shownHabit();
    return habit ? scheduleWords(habit) : '';
  });
  protected readonly statusLabel = computed(() => {
    const habit = this.shownHabit();
    return habit ? STATUS_LABELS[habit.status] : '';
  });
  /** Phones get a month calendar with thumb-sized days instead of the 53-week grid. */
  protected readonly narrow = mediaMatches(NARROW_QUERY);
  protected readonly yearHeading = computed(() => (this.narrow() ? 'By month' : 'The last year'));
  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
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

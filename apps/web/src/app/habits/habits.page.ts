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
import { RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';
import { DayNotesDialogComponent } from './day-notes-dialog.component';
import { HabitListStore, type HabitStatusFilter as StatusFilter } from './habit-list.store';
import { HabitSummaryCardComponent } from './habit-summary-card.component';
import { LoadStateComponent } from '../shared/load-state.component';

const FILTERS: { value: StatusFilter | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'paused', label: 'Paused' },
  { value: 'archived', label: 'Archived' },
];

function isStatusFilter(value: string | undefined): value is StatusFilter {
  return FILTERS.some((filter) => filter.value === value);
}

/** Every habit, filtered by status (`?status=`), each with its numbers. */
@Component({
  selector: 'ht-habits-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, HabitSummaryCardComponent, DayNotesDialogComponent, LoadStateComponent],
  providers: [HabitListStore],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="page-header">
        <h1>Habits</h1>
        <a class="button primary" routerLink="/habits/new">New habit</a>
      </header>
      <nav class="filters" aria-label="Filter by status">
        @for (filter of filters; track filter.label) {
          <a
            [routerLink]="[]"
            [queryParams]="{ status: filter.value }"
            [class.active]="filter.value === selected()"
            [attr.aria-current]="filter.value === selected() ? 'page' : null"
            >{{ filter.label }}</a
          >
        }
      </nav>
      @if (store.actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }
      @if (store.loader.ready()) {
        @if (list().length === 0) {
          <p class="placeholder" data-testid="empty">{{ emptyText() }}</p>
        } @else {
          <ul class="habit-list" aria-label="Habits">
            @for (habit of list(); track habit.id; let first = $first; let last = $last) {
              <li>
                <ht-habit-summary-card
                  [habit]="habit"
                  [busy]="store.isBusy(habit.id)"
                  [first]="first"
                  [last]="last"
                  [moving]="store.moving()"
                  (dayToggled)="store.setDay(habit, $event.date, $event.status)"
                  (notesOpened)="notesFor.set({ habit, date: $event })"
                  (moved)="store.move(habit, $event)"
                />
              </li>
            }
          </ul>
        }
      } @else {
        <ht-load-state
          [loader]="store.loader"
          loadingText="Loading habits…"
          failedText="The habits could not be loaded."
        />
      }
      @if (notesFor(); as open) {
        <ht-day-notes-dialog
          [habit]="open.habit"
          [date]="open.date"
          (changed)="store.receive($event)"
          (closed)="notesFor.set(null)"
        />
      }
    </main>
  `,
  styles: `
    .page-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-bottom: 0.75rem;
    }
    .page-header h1 {
      margin: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-bottom: 1rem;
    }
    .filters a {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.3rem 0.85rem;
      border: 1px solid var(--line);
      border-radius: 999px;
      color: var(--ink);
      text-decoration: none;
    }
    .filters a.active {
      background: var(--accent-soft);
      border-color: var(--accent);
      font-weight: 600;
    }
    .habit-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
  `,
})
export class HabitsPage {
  protected readonly store = inject(HabitListStore);
  /** `?status=` from the address (component input binding). */
  readonly status = input<string>();
  /** The day whose notes are open (a long press on a strip). */
  protected readonly notesFor = signal<{ habit: HabitDto; date: string } | null>(null);

  protected readonly filters = FILTERS;
  protected readonly selected = computed(() => {
    const status = this.status();
    return isStatusFilter(status) ? status : null;
  });
  protected readonly list = this.store.habits;

  constructor() {
    effect(() => {
      const filter = this.selected();
      untracked(() => void this.store.load(filter));
    });
  }
  protected readonly emptyText = computed(() => {
    const filter = FILTERS.find((f) => f.value === this.selected());
    return this.selected()
      ? `No ${filter?.label.toLowerCase()} habits.`
      : 'No habits yet. Create one to start tracking.';
  });
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { HabitsService } from '@habit-tracker/api-client';
import { toUserFacingError } from '../errors/user-facing-error';
import { HabitSummaryCardComponent } from './habit-summary-card.component';

type StatusFilter = 'active' | 'at_risk' | 'paused' | 'archived';

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
  imports: [RouterLink, HabitSummaryCardComponent],
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
      @if (habits.isLoading() && !habits.hasValue()) {
        <p class="placeholder" role="status">Loading habits…</p>
      } @else if (loadError(); as message) {
        <div class="placeholder" role="alert">
          <p>The habits could not be loaded. {{ message }}</p>
          <button type="button" (click)="reloadHabits()">Try again</button>
        </div>
      } @else if (list().length === 0) {
        <p class="placeholder" data-testid="empty">{{ emptyText() }}</p>
      } @else {
        <ul class="habit-list" aria-label="Habits">
          @for (habit of list(); track habit.id) {
            <li><ht-habit-summary-card [habit]="habit" /></li>
          }
        </ul>
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
    .button.primary {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.45rem 1rem;
      border-radius: 8px;
      background: var(--accent);
      color: var(--accent-ink);
      font-weight: 600;
      text-decoration: none;
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
    .placeholder {
      padding: 1.5rem 1rem;
      border: 1px dashed var(--line);
      border-radius: 12px;
      text-align: center;
      color: var(--ink-muted);
    }
  `,
})
export class HabitsPage {
  private readonly habitsApi = inject(HabitsService);
  /** `?status=` from the address (component input binding). */
  readonly status = input<string>();

  protected readonly filters = FILTERS;
  protected readonly selected = computed(() => {
    const status = this.status();
    return isStatusFilter(status) ? status : null;
  });
  protected readonly habits = rxResource({
    params: () => ({ status: this.selected() ?? undefined }),
    stream: ({ params }) => this.habitsApi.listHabits(params),
  });
  protected readonly list = computed(() => (this.habits.hasValue() ? this.habits.value() : []));
  protected readonly loadError = computed(() => {
    const error = this.habits.error();
    return error ? toUserFacingError(error.cause ?? error).message : null;
  });
  protected readonly emptyText = computed(() => {
    const filter = FILTERS.find((f) => f.value === this.selected());
    return this.selected()
      ? `No ${filter?.label.toLowerCase()} habits.`
      : 'No habits yet. Create one to start tracking.';
  });

  protected reloadHabits(): void {
    this.habits.reload();
  }
}

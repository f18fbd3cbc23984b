import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { NewHabitFormComponent } from '../habits/new-habit-form.component';
import { DayNotesDialogComponent } from '../habits/day-notes-dialog.component';
import type { DayLogStatus } from '../habits/recent-days';
import { formatLocalDate } from './day-clock';
import { HabitCardComponent } from './habit-card.component';
import type { TodayStatus } from './habit-snapshots';
import { TodayStore } from './today.store';
import { LoadStateComponent } from '../shared/load-state.component';

@Component({
  selector: 'ht-today-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HabitCardComponent, NewHabitFormComponent, DayNotesDialogComponent, LoadStateComponent],
  providers: [TodayStore],
  template: `
    <main id="main" class="page" tabindex="-1">
      <header class="today-header">
        <h1>Today</h1>
        @if (dateLabel(); as date) {
          <p class="date" data-testid="today-date">{{ date }}</p>
        }
        @if (progressLabel(); as progress) {
          <p class="progress" aria-live="polite">{{ progress }}</p>
        }
      </header>

      @if (store.actionError(); as message) {
        <p class="banner error" role="alert">{{ message }}</p>
      }

      @if (store.loader.ready()) {
        @if (store.loader.error(); as stale) {
          <p class="banner" role="status">Showing the last known list. {{ stale }}</p>
        }
        @if (store.habits().length === 0) {
          <div class="placeholder empty" data-testid="empty">
            <p><strong>Nothing due today.</strong></p>
            <p>Add a habit below and it will show up here on the days it is due.</p>
          </div>
        } @else {
          <ul class="habit-list" aria-label="Habits due today">
            @for (habit of store.habits(); track habit.id) {
              <li>
                <ht-habit-card
                  [habit]="habit"
                  [busy]="store.isBusy(habit.id)"
                  (logTapped)="logToday(habit, $event)"
                  (undoTapped)="undoToday(habit)"
                  (dayToggled)="setDay(habit, $event)"
                  (notesOpened)="openNotes(habit, $event)"
                  (amountAdded)="addAmount(habit, $event)"
                  (amountSet)="setAmount(habit, $event)"
                />
              </li>
            }
          </ul>
        }
        @if (notesFor(); as open) {
          <ht-day-notes-dialog
            [habit]="open.habit"
            [date]="open.date"
            (changed)="addHabit($event)"
            (closed)="notesFor.set(null)"
          />
        }
        <section class="add-habit">
          <!-- Below the list: it loads when it comes into view, not with the list. -->
          @defer (on viewport) {
            <ht-new-habit-form (created)="addHabit($event)" />
          } @placeholder {
            <p class="form-placeholder">Add a habit</p>
          }
        </section>
      } @else {
        <ht-load-state
          [loader]="store.loader"
          loadingText="Loading today’s habits…"
          failedText="Today’s habits could not be loaded."
        />
      }
    </main>
  `,
  styles: `
    .today-header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
      margin-bottom: 1rem;
    }
    .today-header h1 {
      margin: 0;
    }
    .date {
      margin: 0;
      color: var(--ink-muted);
      font-size: 1.05rem;
    }
    .progress {
      margin: 0 0 0 auto;
      font-weight: 600;
    }
    .habit-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
    .form-placeholder {
      margin: 0;
      min-height: 12rem;
      font-weight: 700;
    }
    .add-habit {
      margin-top: 1.5rem;
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
  `,
})
export class TodayPage implements OnInit {
  protected readonly store = inject(TodayStore);
  protected readonly dateLabel = computed(() => {
    const today = this.store.today();
    return today ? formatLocalDate(today) : null;
  });
  /** The day whose notes are open (a long press on the strip). */
  protected readonly notesFor = signal<{ habit: HabitDto; date: string } | null>(null);
  protected readonly progressLabel = computed(() => {
    const total = this.store.habits().length;
    return total > 0 ? `${this.store.doneCount()} of ${total} done` : null;
  });

  ngOnInit(): void {
    void this.store.loader.load();
  }

  protected logToday(habit: HabitDto, status: TodayStatus): Promise<void> {
    return this.store.logToday(habit, status);
  }

  protected addAmount(habit: HabitDto, amount: number): Promise<void> {
    return this.store.addToday(habit, amount);
  }

  protected setAmount(habit: HabitDto, value: number): Promise<void> {
    return this.store.setTodayValue(habit, value);
  }

  protected undoToday(habit: HabitDto): Promise<void> {
    return this.store.undoToday(habit);
  }

  protected setDay(habit: HabitDto, day: { date: string; status: DayLogStatus | null }) {
    return this.store.setDay(habit, day.date, day.status);
  }

  protected openNotes(habit: HabitDto, date: string): void {
    this.notesFor.set({ habit, date });
  }

  protected addHabit(habit: HabitDto): void {
    this.store.receive(habit);
  }
}

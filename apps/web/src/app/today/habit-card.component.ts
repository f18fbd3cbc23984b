import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { RouterLink } from '@angular/router';
import { colorVar } from '../habits/habit-appearance';
import { RecentDaysComponent } from '../habits/recent-days.component';
import type { DayLogStatus } from '../habits/recent-days';
import type { TodayStatus } from './habit-snapshots';
import { MeasureEntryComponent } from './measure-entry.component';

/** One habit on Today: its progress and one tap for done, skip or undo. */
@Component({
  selector: 'ht-habit-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecentDaysComponent, RouterLink, MeasureEntryComponent],
  template: `
    <article
      class="habit"
      [class.done]="logStatus() === 'done'"
      [class.skipped]="logStatus() === 'skipped'"
      [attr.aria-labelledby]="headingId()"
      [attr.aria-busy]="busy()"
      [style.--habit]="color()"
    >
      <div class="summary">
        <h2 class="name" [id]="headingId()">
          @if (habit().icon) {
            <span class="icon" aria-hidden="true">{{ habit().icon }}</span>
          }
          <a [routerLink]="['/habits', habit().id]">{{ habit().name }}</a>
        </h2>
        <p class="stats">
          <span class="streak" data-testid="streak">{{ streakText() }}</span>
          @if (weekText(); as week) {
            <span class="week" data-testid="week">{{ week }}</span>
          }
          @if (habit().status === 'at_risk') {
            <span class="badge risk">At risk</span>
          }
        </p>
      </div>
      @if (habit().kind === 'measure') {
        <ht-measure-entry
          class="measure"
          [habit]="habit()"
          [busy]="busy()"
          (added)="amountAdded.emit($event)"
          (valueSet)="amountSet.emit($event)"
        />
      } @else {
        <div class="actions">
          @switch (logStatus()) {
            @case ('done') {
              <span class="state" data-testid="state">Done</span>
              <button type="button" (click)="undoTapped.emit()" [disabled]="busy()">
                Undo<span class="visually-hidden"> {{ habit().name }}</span>
              </button>
            }
            @case ('skipped') {
              <span class="state" data-testid="state">Skipped</span>
              <button type="button" (click)="undoTapped.emit()" [disabled]="busy()">
                Undo<span class="visually-hidden"> {{ habit().name }}</span>
              </button>
            }
            @default {
              <button type="button" (click)="logTapped.emit('skipped')" [disabled]="busy()">
                Skip<span class="visually-hidden"> {{ habit().name }}</span>
              </button>
              <button
                type="button"
                class="primary"
                (click)="logTapped.emit('done')"
                [disabled]="busy()"
              >
                Done<span class="visually-hidden"> {{ habit().name }}</span>
              </button>
            }
          }
        </div>
        <ht-recent-days
          class="recent"
          [habit]="habit()"
          [busy]="busy()"
          (dayToggled)="dayToggled.emit($event)"
          (notesOpened)="notesOpened.emit($event)"
        />
      }
    </article>
  `,
  styles: `
    .habit {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem 1rem;
      padding: 0.9rem 1rem;
      border: 1px solid var(--line);
      border-left: 6px solid var(--habit);

      border-radius: 12px;
      background: var(--surface);
    }
    @media (max-width: 640px) {
      .habit,
      .card {
        padding: 0.75rem;
        border-left-width: 4px;
      }
    }
    .name a {
      color: inherit;
      text-decoration: none;
    }
    .name a:hover {
      text-decoration: underline;
    }
    .icon {
      margin-right: 0.3rem;
    }
    .recent,
    .measure {
      flex: 1 1 100%;
    }
    .summary {
      min-width: 0;
      flex: 1 1 12rem;
    }
    .name {
      margin: 0;
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.9rem;
      margin: 0.25rem 0 0;
      color: var(--ink-muted);
      font-size: 0.92rem;
    }
    .badge.risk {
      color: var(--danger);
      font-weight: 600;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .state {
      font-weight: 600;
      color: var(--ink-muted);
    }
    .habit.done .state {
      color: var(--success);
    }
  `,
})
export class HabitCardComponent {
  readonly habit = input.required<HabitDto>();
  readonly busy = input(false);
  readonly logTapped = output<TodayStatus>();
  readonly undoTapped = output<void>();
  readonly dayToggled = output<{ date: string; status: DayLogStatus | null }>();
  readonly notesOpened = output<string>();
  /** A measured habit's quick add (+amount) and exact entry (today's amount). */
  readonly amountAdded = output<number>();
  readonly amountSet = output<number>();

  protected readonly color = computed(() => colorVar(this.habit().color));

  protected readonly headingId = computed(() => `habit-${this.habit().id}`);
  protected readonly logStatus = computed(() => this.habit().todayLog?.status ?? null);
  protected readonly streakText = computed(() => {
    const { currentStreak, streakUnit } = this.habit();
    const unit = streakUnit;
    return `Streak: ${currentStreak} ${unit}${currentStreak === 1 ? '' : 's'}`;
  });
  protected readonly weekText = computed(() => {
    const week = this.habit().week;
    return week ? `${week.done} of ${week.quota} this week` : null;
  });
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';
import { ExplainComponent } from '../shared/explain.component';
import { colorVar } from './habit-appearance';
import { RecentDaysComponent } from './recent-days.component';
import type { DayLogStatus } from './recent-days';
import {
  FIGURE_EXPLANATIONS,
  nextDueWords,
  percentWords,
  scheduleWords,
  STATUS_LABELS,
  streakWords,
} from './habit-words';

/** One habit in the list: its schedule, streak, consistency, strength and next due day. */
@Component({
  selector: 'ht-habit-summary-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RecentDaysComponent, ExplainComponent],
  template: `
    <article
      class="card"
      [attr.aria-labelledby]="headingId()"
      [class]="'card ' + habit().status"
      [style.--habit]="color()"
    >
      <header>
        <h2 [id]="headingId()">
          @if (habit().icon) {
            <span class="icon" aria-hidden="true">{{ habit().icon }}</span>
          }
          <a [routerLink]="['/habits', habit().id]">{{ habit().name }}</a>
        </h2>
        @if (habit().status !== 'active') {
          <span class="badge" data-testid="status">{{ statusLabel() }}</span>
        }
        <div class="order" role="group" [attr.aria-label]="'Order of ' + habit().name">
          <button
            type="button"
            class="quiet"
            [disabled]="first() || moving()"
            (click)="moved.emit(-1)"
            [attr.aria-label]="'Move ' + habit().name + ' up'"
            title="Move up"
          >
            ↑
          </button>
          <button
            type="button"
            class="quiet"
            [disabled]="last() || moving()"
            (click)="moved.emit(1)"
            [attr.aria-label]="'Move ' + habit().name + ' down'"
            title="Move down"
          >
            ↓
          </button>
        </div>
      </header>
      <p class="schedule">
        {{ schedule() }}
        @if (habit().week; as week) {
          · <span data-testid="week">{{ week.done }} of {{ week.quota }} this week</span>
        }
      </p>
      <!-- A measured habit's days show their outcome; amounts are entered on Today. -->
      <ht-recent-days
        [habit]="habit()"
        [busy]="busy() || habit().kind === 'measure'"
        (dayToggled)="dayToggled.emit($event)"
        (notesOpened)="notesOpened.emit($event)"
      />
      <dl class="stats">
        <div>
          <dt>Streak <ht-explain term="Streak" [text]="explain.streak" /></dt>
          <dd data-testid="streak">{{ streak() }}</dd>
        </div>
        <div>
          <dt>Consistency <ht-explain term="Consistency" [text]="explain.consistency" /></dt>
          <dd data-testid="consistency">{{ consistency() }}</dd>
        </div>
        <div>
          <dt>Strength <ht-explain term="Strength" [text]="explain.strength" /></dt>
          <dd data-testid="strength">{{ habit().strength }}</dd>
        </div>
        <div>
          <dt>Next due</dt>
          <dd data-testid="next-due">{{ nextDue() }}</dd>
        </div>
      </dl>
    </article>
  `,
  styles: `
    .card {
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
    header {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    header h2 {
      flex: 1 1 auto;
    }
    .icon {
      margin-right: 0.3rem;
    }
    .order {
      display: flex;
      flex: none;
    }
    .order button {
      min-width: 2.75rem;
      padding: 0.3rem;
      font-size: 1.1rem;
    }
    h2 {
      margin: 0;
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
    h2 a {
      color: var(--ink);
    }
    .badge {
      flex: none;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      background: var(--accent-soft);
      font-size: 0.85rem;
      font-weight: 600;
    }
    .at_risk .badge {
      background: var(--danger-soft);
    }
    .schedule {
      margin: 0.2rem 0 0.5rem;
      color: var(--ink-muted);
    }
    .stats {
      display: grid;
      /* 4 figures: 2 × 2 on phones, one row on wider screens (never one alone). */
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.4rem 1rem;
      margin: 0.6rem 0 0;
    }
    @media (min-width: 641px) {
      .stats {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
    }
    dt {
      color: var(--ink-muted);
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
  `,
})
export class HabitSummaryCardComponent {
  readonly habit = input.required<HabitDto>();
  readonly busy = input(false);
  readonly first = input(false);
  readonly last = input(false);
  readonly moving = input(false);
  readonly dayToggled = output<{ date: string; status: DayLogStatus | null }>();
  readonly notesOpened = output<string>();
  readonly moved = output<-1 | 1>();

  protected readonly explain = FIGURE_EXPLANATIONS;
  protected readonly color = computed(() => colorVar(this.habit().color));

  protected readonly headingId = computed(() => `habit-${this.habit().id}`);
  protected readonly statusLabel = computed(() => STATUS_LABELS[this.habit().status]);
  protected readonly schedule = computed(() => scheduleWords(this.habit()));
  protected readonly streak = computed(() =>
    streakWords(this.habit().currentStreak, this.habit().streakUnit),
  );
  protected readonly consistency = computed(() => percentWords(this.habit().consistencyScore));
  protected readonly nextDue = computed(() => nextDueWords(this.habit()));
}

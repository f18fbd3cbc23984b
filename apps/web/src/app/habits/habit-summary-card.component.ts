import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';
import {
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
  imports: [RouterLink],
  template: `
    <article class="card" [attr.aria-labelledby]="headingId()" [class]="habit().status">
      <header>
        <h2 [id]="headingId()">
          <a [routerLink]="['/habits', habit().id]">{{ habit().name }}</a>
        </h2>
        @if (habit().status !== 'active') {
          <span class="badge" data-testid="status">{{ statusLabel() }}</span>
        }
      </header>
      <p class="schedule">{{ schedule() }}</p>
      <dl class="stats">
        <div>
          <dt>Streak</dt>
          <dd data-testid="streak">{{ streak() }}</dd>
        </div>
        <div>
          <dt>Consistency</dt>
          <dd data-testid="consistency">{{ consistency() }}</dd>
        </div>
        <div>
          <dt>Strength</dt>
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
      border-left: 4px solid var(--accent);
      border-radius: 12px;
      background: var(--surface);
    }
    .card.at_risk {
      border-left-color: var(--danger);
    }
    .card.paused,
    .card.archived {
      border-left-color: var(--ink-muted);
    }
    header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem;
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
      grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
      gap: 0.4rem 1rem;
      margin: 0;
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

  protected readonly headingId = computed(() => `habit-${this.habit().id}`);
  protected readonly statusLabel = computed(() => STATUS_LABELS[this.habit().status]);
  protected readonly schedule = computed(() => scheduleWords(this.habit()));
  protected readonly streak = computed(() =>
    streakWords(this.habit().currentStreak, this.habit().streakUnit),
  );
  protected readonly consistency = computed(() => percentWords(this.habit().consistencyScore));
  protected readonly nextDue = computed(() => nextDueWords(this.habit()));
}

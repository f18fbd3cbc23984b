import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HabitDto } from '@habit-tracker/api-client';

/** The habits at risk, worst first, each with a one-tap "Done" when it is due today. */
@Component({
  selector: 'ht-at-risk-habits',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="at-risk" aria-labelledby="at-risk-heading">
      <h2 id="at-risk-heading">At risk</h2>
      <ul>
        @for (habit of habits(); track habit.id) {
          <li data-testid="at-risk-habit">
            <div>
              <a [routerLink]="['/habits', habit.id]" class="habit-name">{{ habit.name }}</a>
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
                [disabled]="loggingId() === habit.id"
                (click)="doneTapped.emit(habit)"
              >
                Done<span class="visually-hidden"> {{ habit.name }}</span>
              </button>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .at-risk {
      padding: 0.9rem 1rem;
      border: 1px solid var(--danger);
      border-left-width: 6px;
      border-radius: 12px;
      background: var(--surface);
      margin-bottom: 1rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.4rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    li {
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
  `,
})
export class AtRiskHabitsComponent {
  readonly habits = input.required<HabitDto[]>();
  /** The habit whose "Done" is on its way to the server. */
  readonly loggingId = input<string | null>(null);
  readonly doneTapped = output<HabitDto>();
}

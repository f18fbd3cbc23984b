import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GoalCard } from './goals.store';

/** One goal: its progress bar in its unit, deadline, counted habits, edit and delete. */
@Component({
  selector: 'ht-goal-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <article
      class="goal"
      [class.completed]="view().state === 'completed'"
      [class.overdue]="view().state === 'overdue'"
      [class.celebrating]="card().celebrating"
      [attr.aria-labelledby]="'goal-' + goal().id"
    >
      <div class="goal-top">
        <h2 [id]="'goal-' + goal().id">{{ goal().name }}</h2>
        @switch (view().state) {
          @case ('completed') {
            <span class="badge done" data-testid="goal-state">Reached</span>
          }
          @case ('overdue') {
            <span class="badge late" data-testid="goal-state">Overdue</span>
          }
        }
      </div>
      @if (card().celebrating) {
        <p class="celebration" role="status">🎉 Goal reached — well done!</p>
      }
      @if (goal().description) {
        <p class="description">{{ goal().description }}</p>
      }
      <div
        class="bar"
        role="progressbar"
        [attr.aria-label]="'Progress of ' + goal().name"
        aria-valuemin="0"
        [attr.aria-valuemax]="goal().targetValue"
        [attr.aria-valuenow]="goal().currentValue"
        [attr.aria-valuetext]="view().label"
      >
        <span class="fill" [style.width.%]="view().percent"></span>
      </div>
      <p class="figures">
        <strong data-testid="goal-progress">{{ view().label }}</strong>
        @if (view().remainingLabel) {
          <span>{{ view().remainingLabel }}</span>
        }
      </p>
      @if (view().deadlineLabel; as deadline) {
        <p class="deadline">{{ deadline }}</p>
      }
      @if (card().links.length > 0) {
        <div class="links">
          <span>From:</span>
          <ul aria-label="Counted habits">
            @for (link of card().links; track link.habitId) {
              <li>
                <a [routerLink]="['/habits', link.habitId]">{{ link.name }}</a>
                @if (link.weight !== '1') {
                  <span class="weight">×{{ link.weight }}</span>
                }
              </li>
            }
          </ul>
        </div>
      }
      <div class="actions">
        <button type="button" (click)="editRequested.emit()">
          Edit<span class="visually-hidden"> {{ goal().name }}</span>
        </button>
        @if (confirmingDelete()) {
          <button type="button" class="danger" (click)="deleteConfirmed.emit()">
            Confirm delete<span class="visually-hidden"> {{ goal().name }}</span>
          </button>
          <button type="button" class="quiet" (click)="deleteCancelled.emit()">Keep</button>
        } @else {
          <button type="button" class="quiet" (click)="deleteRequested.emit()">
            Delete<span class="visually-hidden"> {{ goal().name }}</span>
          </button>
        }
      </div>
    </article>
  `,
  styles: `
    .goal {
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    .goal-top {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
      overflow-wrap: anywhere;
    }
    .badge {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 700;
      white-space: nowrap;
      color: var(--ink);
    }
    .badge.done {
      background: var(--accent-soft);
    }
    .badge.late {
      background: var(--danger-soft);
    }
    .goal.overdue {
      border-color: var(--danger);
    }
    .goal.celebrating {
      border-color: var(--success);
      box-shadow: 0 0 0 3px var(--accent-soft);
    }
    .celebration {
      margin: 0.4rem 0 0;
      font-weight: 700;
      color: var(--success);
    }
    .description,
    .deadline,
    .links {
      margin: 0.35rem 0 0;
      color: var(--ink-muted);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .links ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .links li:not(:last-child)::after {
      content: ',';
    }
    .bar {
      margin-top: 0.75rem;
      height: 0.8rem;
      border-radius: 999px;
      background: var(--accent-soft);
      overflow: hidden;
      border: 1px solid var(--line);
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--accent);
      transition: width 0.4s ease-out;
    }
    .goal.overdue .fill {
      background: var(--danger);
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      margin: 0.4rem 0 0;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.6rem;
    }
    @media (prefers-reduced-motion: no-preference) {
      .celebrating {
        animation: celebrate 0.9s ease-out 2;
      }
    }
    @keyframes celebrate {
      50% {
        transform: scale(1.015);
      }
    }
  `,
})
export class GoalCardComponent {
  readonly card = input.required<GoalCard>();
  /** This card's "Delete" was pressed: it asks to confirm. */
  readonly confirmingDelete = input(false);
  readonly editRequested = output();
  readonly deleteRequested = output();
  readonly deleteConfirmed = output();
  readonly deleteCancelled = output();

  protected readonly goal = computed(() => this.card().goal);
  protected readonly view = computed(() => this.card().view);
}

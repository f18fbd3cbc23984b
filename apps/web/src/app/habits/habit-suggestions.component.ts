import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { SuggestionDto } from '@habit-tracker/api-client';
import type { SuggestionType } from './habit-detail.store';

/** The adaptive suggestions for a habit, each applied or dismissed with one button. */
@Component({
  selector: 'ht-habit-suggestions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (suggestions().length === 0) {
      <p class="none" data-testid="no-suggestions">No suggestions right now.</p>
    } @else {
      <ul class="suggestions">
        @for (suggestion of suggestions(); track suggestion.type) {
          <li data-testid="suggestion" [attr.data-type]="suggestion.type">
            <p>{{ suggestion.message }}</p>
            <div class="buttons">
              @if (suggestion.change) {
                <button
                  type="button"
                  class="primary"
                  (click)="applied.emit(suggestion.type)"
                  [disabled]="busy()"
                >
                  Apply<span class="visually-hidden">: {{ suggestion.message }}</span>
                </button>
              }
              <button type="button" (click)="dismissed.emit(suggestion.type)" [disabled]="busy()">
                Dismiss<span class="visually-hidden">: {{ suggestion.message }}</span>
              </button>
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .none {
      color: var(--ink-muted);
      margin: 0;
    }
    .suggestions {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.6rem;
    }
    li {
      padding: 0.75rem 1rem;
      border: 1px solid var(--line);
      border-left: 4px solid var(--accent);
      border-radius: 10px;
      background: var(--surface);
    }
    li p {
      margin: 0 0 0.5rem;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class HabitSuggestionsComponent {
  readonly suggestions = input.required<SuggestionDto[]>();
  readonly busy = input(false);
  readonly applied = output<SuggestionType>();
  readonly dismissed = output<SuggestionType>();
}

import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { FieldErrorComponent } from '../errors/field-error.component';
import { fieldValue } from '../shared/field-value';
import { type LinkDraft, MAX_WEIGHT } from './goal-validation';

/** The habits a goal counts: tick a habit to link it, and say how much each done day counts. */
@Component({
  selector: 'ht-goal-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent],
  template: `
    <fieldset>
      <legend>Habits that count towards it</legend>
      @if (linkable().length === 0) {
        <p class="hint">No habits yet. Add some on Today, then link them here.</p>
      }
      @for (habit of linkable(); track habit.id) {
        <div class="link-row">
          <label class="check">
            <input type="checkbox" [checked]="isLinked(habit.id)" (change)="toggleLink(habit.id)" />
            {{ habit.name }}
          </label>
          @if (isLinked(habit.id)) {
            <label class="weight">
              <span>Each done counts</span>
              <input
                type="number"
                inputmode="decimal"
                min="0"
                [attr.max]="maxWeight"
                step="any"
                [attr.aria-label]="'Weight for ' + habit.name"
                [attr.aria-invalid]="!!error()"
                aria-describedby="goal-habits-error"
                [value]="weightOf(habit.id)"
                (input)="setWeight(habit.id, fieldValue($event))"
              />
            </label>
          }
        </div>
      }
      <ht-field-error id="goal-habits-error" [message]="error()" />
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 1px solid var(--line);
      border-radius: 10px;
      margin: 0 0 1rem;
      padding: 0.5rem 0.9rem 0.75rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.3rem;
    }
    .link-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.3rem 0;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      flex: 1 1 10rem;
    }
    .check input {
      width: 1.3rem;
      min-height: 1.3rem;
    }
    .weight {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      color: var(--ink-muted);
    }
    .weight input {
      width: 5.5rem;
    }
  `,
})
export class GoalLinksComponent {
  readonly links = model.required<LinkDraft[]>();
  readonly habits = input<readonly HabitDto[]>([]);
  /** What is wrong with the links, if anything. */
  readonly error = input<string | undefined>(undefined);

  protected readonly maxWeight = MAX_WEIGHT;
  protected readonly fieldValue = fieldValue;
  /** Archived habits can stay linked but are not offered for new links. */
  protected readonly linkable = computed(() =>
    this.habits().filter(
      (habit) => habit.status !== 'archived' || this.links().some((l) => l.habitId === habit.id),
    ),
  );

  protected isLinked(habitId: string): boolean {
    return this.links().some((link) => link.habitId === habitId);
  }

  protected weightOf(habitId: string): string {
    return this.links().find((link) => link.habitId === habitId)?.weight ?? '1';
  }

  protected toggleLink(habitId: string): void {
    this.links.update((links) =>
      links.some((link) => link.habitId === habitId)
        ? links.filter((link) => link.habitId !== habitId)
        : [...links, { habitId, weight: '1' }],
    );
  }

  protected setWeight(habitId: string, weight: string): void {
    this.links.update((links) =>
      links.map((link) => (link.habitId === habitId ? { ...link, weight } : link)),
    );
  }
}

import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FieldErrorComponent } from '../errors/field-error.component';
import { fieldValue } from '../shared/field-value';
import { latestStartDate, startDateHint } from './start-date';

export type Level = 'easy' | 'medium' | 'hard';
export type Priority = 'low' | 'medium' | 'high';

/** The editor's difficulty, priority and start date, with a word on what the start date does. */
@Component({
  selector: 'ht-habit-plan-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent],
  template: `
    <div class="row">
      <div class="field">
        <label for="habit-difficulty">Difficulty</label>
        <select id="habit-difficulty" [value]="difficulty()" (change)="chooseDifficulty($event)">
          <option value="easy">Easy</option>
          <option value="medium">Medium</option>
          <option value="hard">Hard</option>
        </select>
      </div>
      <div class="field">
        <label for="habit-priority">Priority</label>
        <select id="habit-priority" [value]="priority()" (change)="choosePriority($event)">
          <option value="low">Low</option>
          <option value="medium">Medium</option>
          <option value="high">High</option>
        </select>
      </div>
      <div class="field">
        <label for="habit-start">Start date</label>
        <input
          id="habit-start"
          type="date"
          [value]="startDate()"
          (input)="startDate.set(fieldValue($event))"
          [attr.max]="latestStart()"
          [attr.aria-invalid]="!!errors()['startDate']"
          aria-describedby="habit-start-hint habit-start-error"
        />
        <ht-field-error id="habit-start-error" [message]="errors()['startDate']" />
      </div>
    </div>
    @if (startHint(); as hint) {
      <p class="notice" id="habit-start-hint" data-testid="start-hint">{{ hint }}</p>
    }
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0 1rem;
    }
    .notice {
      margin: -0.4rem 0 0.9rem;
      font-size: 0.92rem;
    }
  `,
})
export class HabitPlanFieldsComponent {
  readonly difficulty = model.required<Level>();
  readonly priority = model.required<Priority>();
  readonly startDate = model.required<string>();
  /** The form's field errors, by path. */
  readonly errors = input<Record<string, string>>({});
  /** The user's today ('' until known). */
  readonly today = input.required<string>();
  /** The start date the habit has on the server (null for a new habit). */
  readonly savedStartDate = input<string | null>(null);

  protected readonly fieldValue = fieldValue;
  protected readonly latestStart = computed(() => latestStartDate(this.today()));
  protected readonly startHint = computed(() =>
    startDateHint(this.startDate(), this.today(), this.savedStartDate()),
  );

  protected chooseDifficulty(event: Event): void {
    this.difficulty.set(fieldValue(event) as Level);
  }

  protected choosePriority(event: Event): void {
    this.priority.set(fieldValue(event) as Priority);
  }
}

import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FieldErrorComponent } from '../errors/field-error.component';
import { fieldValue } from '../shared/field-value';
import { describeMeasure, type MeasureDraft } from './measure';

/**
 * Ticked off or measured; for a measured habit its unit and target, said back in words ("at
 * least 8 glasses a day"). A habit with logged days keeps its kind (the server says so).
 */
@Component({
  selector: 'ht-measure-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent],
  template: `
    <fieldset class="measure">
      <legend>What you track</legend>
      <div class="kinds" role="radiogroup" aria-label="What you track">
        <label class="kind">
          <input
            type="radio"
            name="habit-kind"
            value="check"
            [checked]="draft().kind === 'check'"
            [disabled]="kindLocked()"
            (change)="update({ kind: 'check' })"
          />
          Done or not
        </label>
        <label class="kind">
          <input
            type="radio"
            name="habit-kind"
            value="measure"
            [checked]="draft().kind === 'measure'"
            [disabled]="kindLocked()"
            (change)="update({ kind: 'measure' })"
          />
          An amount
        </label>
      </div>
      @if (draft().kind === 'measure') {
        <div class="row">
          <div class="field">
            <label for="target-type">Target</label>
            <select id="target-type" [value]="draft().type" (change)="chooseType($event)">
              <option value="at_least">At least</option>
              <option value="at_most">At most</option>
            </select>
          </div>
          <div class="field narrow">
            <label for="target-value">Amount</label>
            <input
              id="target-value"
              inputmode="decimal"
              [value]="draft().value"
              (input)="update({ value: fieldValue($event).trim() })"
              [attr.aria-invalid]="!!errors()['target.value']"
              aria-describedby="target-value-error"
            />
            <ht-field-error id="target-value-error" [message]="errors()['target.value']" />
          </div>
          <div class="field narrow">
            <label for="target-unit">Unit</label>
            <input
              id="target-unit"
              maxlength="20"
              placeholder="glasses"
              [value]="draft().unit"
              (input)="update({ unit: fieldValue($event) })"
              [attr.aria-invalid]="!!errors()['unit']"
              aria-describedby="target-unit-error"
            />
            <ht-field-error id="target-unit-error" [message]="errors()['unit']" />
          </div>
          <div class="field">
            <label for="target-period">Per</label>
            <select
              id="target-period"
              [value]="draft().period"
              (change)="choosePeriod($event)"
              [attr.aria-invalid]="!!errors()['target.period']"
              aria-describedby="target-period-error"
            >
              <option value="day">Day</option>
              <option value="week">Week</option>
              <option value="month">Month</option>
            </select>
            <ht-field-error id="target-period-error" [message]="errors()['target.period']" />
          </div>
        </div>
        <p class="words" data-testid="target-words" aria-live="polite">
          @if (words(); as text) {
            Target: {{ text }}.
          } @else {
            Give an amount and a unit.
          }
        </p>
        <ht-field-error [message]="errors()['frequency']" />
      }
    </fieldset>
  `,
  styles: `
    .measure {
      border: 1px solid var(--line);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      margin: 0 0 0.9rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-bottom: 0.75rem;
    }
    .kind {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
      padding: 0.3rem 0.75rem;
      border: 1px solid var(--line);
      border-radius: 999px;
      cursor: pointer;
    }
    .kind:has(input:checked) {
      background: var(--accent-soft);
      border-color: var(--accent);
      font-weight: 600;
    }
    .kind input {
      width: auto;
      min-height: 0;
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
      gap: 0 0.75rem;
    }
    .words {
      margin: 0 0 0.25rem;
      font-weight: 600;
    }
  `,
})
export class MeasureFieldsComponent {
  readonly draft = model.required<MeasureDraft>();
  readonly errors = input<Record<string, string>>({});
  /** True once the habit has logged days (its kind can no longer change). */
  readonly kindLocked = input(false);

  protected readonly fieldValue = fieldValue;
  protected readonly words = computed(() => describeMeasure(this.draft()));

  protected update(change: Partial<MeasureDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...change }));
  }

  protected chooseType(event: Event): void {
    this.update({ type: fieldValue(event) as MeasureDraft['type'] });
  }

  protected choosePeriod(event: Event): void {
    this.update({ period: fieldValue(event) as MeasureDraft['period'] });
  }
}

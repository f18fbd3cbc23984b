import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import type { PausePeriodDto } from '@habit-tracker/api-client';
import { FieldErrorComponent } from '../errors/field-error.component';
import { fieldValue } from '../shared/field-value';
import { addDays } from './local-dates';

/** The editor's pause periods: add, end (an open one), remove, and their dates. */
@Component({
  selector: 'ht-pause-periods',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent],
  template: `
    <fieldset class="pauses">
      <legend>Pause periods</legend>
      <p class="hint">Paused days are not due: they keep the streak and leave scores alone.</p>
      @for (period of periods(); track $index; let i = $index) {
        <div class="pause" role="group" [attr.aria-label]="'Pause ' + (i + 1)">
          <div class="field">
            <label [for]="'pause-from-' + i">From</label>
            <input
              [id]="'pause-from-' + i"
              type="date"
              [value]="period.from"
              (input)="setPauseFrom(i, fieldValue($event))"
              [attr.aria-invalid]="!!errors()['pausePeriods.' + i + '.from']"
            />
            <ht-field-error [message]="errors()['pausePeriods.' + i + '.from']" />
          </div>
          <div class="field">
            <label [for]="'pause-to-' + i">To <span class="optional">(empty: open)</span></label>
            <input
              [id]="'pause-to-' + i"
              type="date"
              [value]="period.to ?? ''"
              (input)="setPauseTo(i, fieldValue($event))"
              [attr.aria-invalid]="!!errors()['pausePeriods.' + i + '.to']"
            />
            <ht-field-error [message]="errors()['pausePeriods.' + i + '.to']" />
          </div>
          <div class="pause-actions">
            @if (period.to === null) {
              <button type="button" (click)="endPause(i)">End pause</button>
            }
            <button type="button" class="quiet" (click)="removePause(i)">
              Remove<span class="visually-hidden"> pause {{ i + 1 }}</span>
            </button>
          </div>
        </div>
      }
      <ht-field-error [message]="errors()['pausePeriods']" />
      <button type="button" (click)="addPause()">Add a pause</button>
    </fieldset>
  `,
  styles: `
    .pauses {
      border: 1px solid var(--line);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      margin: 0 0 0.9rem;
    }
    .pauses legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .hint {
      margin: 0 0 0.5rem;
    }
    .pause {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0 0.75rem;
      /* Top-aligned: an error under one field must not push its neighbour out of line. */
      align-items: start;
      padding-bottom: 0.5rem;
      border-bottom: 1px solid var(--line);
      margin-bottom: 0.5rem;
    }
    .pause-actions {
      display: flex;
      gap: 0.4rem;
      margin-bottom: 0.9rem;
      /* Level with the inputs, below their labels. */
      padding-top: 1.75rem;
    }
  `,
})
export class PausePeriodsComponent {
  readonly periods = model.required<PausePeriodDto[]>();
  /** The form's field errors, by path (\`pausePeriods.0.from\`). */
  readonly errors = input<Record<string, string>>({});
  /** The user's today: a new pause starts on it. */
  readonly today = input.required<string>();

  protected readonly fieldValue = fieldValue;

  protected addPause(): void {
    this.periods.update((periods) => [...periods, { from: this.today(), to: null }]);
  }

  protected endPause(index: number): void {
    // Ending an open pause yesterday makes today due again (a same-day pause goes entirely).
    const yesterday = addDays(this.today(), -1);
    this.periods.update((periods) =>
      periods.flatMap((p, i) => {
        if (i !== index) return [p];
        return p.from > yesterday ? [] : [{ ...p, to: yesterday }];
      }),
    );
  }

  protected removePause(index: number): void {
    this.periods.update((periods) => periods.filter((_, i) => i !== index));
  }

  protected setPauseFrom(index: number, from: string): void {
    this.periods.update((periods) => periods.map((p, i) => (i === index ? { ...p, from } : p)));
  }

  protected setPauseTo(index: number, to: string): void {
    this.periods.update((periods) =>
      periods.map((p, i) => (i === index ? { ...p, to: to || null } : p)),
    );
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import type { HabitLogDto } from '@habit-tracker/api-client';
import { type HeatmapStatus, STATUS_WORDS } from './heatmap-grid';
import type { LogStatus } from './habit-detail.store';
import { formatDayLabel } from './local-dates';
import { fieldValue } from '../shared/field-value';

/** One day opened from the heatmap: its status and notes, to read or change. */
@Component({
  selector: 'ht-day-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="day" aria-labelledby="day-heading" data-testid="day-log">
      <h3 id="day-heading" tabindex="-1">{{ title() }}</h3>
      <p class="status">
        Now: <strong data-testid="day-status">{{ statusWords() }}</strong>
        @if (log()?.notes; as notes) {
          <span class="notes" data-testid="day-notes">“{{ notes }}”</span>
        }
      </p>
      <form (submit)="saveDay($event)">
        <fieldset class="choices">
          <legend>Log this day as</legend>
          @for (choice of choices; track choice.value) {
            <label class="choice">
              <input
                type="radio"
                name="day-status"
                [value]="choice.value"
                [checked]="status() === choice.value"
                (change)="status.set(choice.value)"
              />
              {{ choice.label }}
            </label>
          }
        </fieldset>
        <div class="field">
          <label for="day-notes">Notes <span class="optional">(optional)</span></label>
          <textarea
            id="day-notes"
            rows="2"
            maxlength="1000"
            [value]="notes()"
            (input)="notes.set(fieldValue($event))"
          ></textarea>
        </div>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <div class="buttons">
          <button type="submit" class="primary" [disabled]="busy()">Save day</button>
          @if (log()) {
            <button type="button" (click)="cleared.emit()" [disabled]="busy()">Remove log</button>
          }
          <button type="button" class="quiet" (click)="closed.emit()">Close</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .day {
      margin-top: 0.75rem;
      padding: 0.9rem 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    h3 {
      margin: 0 0 0.3rem;
      font-size: 1.05rem;
    }
    .status {
      margin: 0 0 0.6rem;
    }
    .notes {
      margin-left: 0.5rem;
      color: var(--ink-muted);
      overflow-wrap: anywhere;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      border: 0;
      padding: 0;
      margin: 0 0 0.6rem;
    }
    .choices legend {
      margin-bottom: 0.3rem;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
      padding: 0.3rem 0.8rem;
      border: 1px solid var(--line);
      border-radius: 999px;
      cursor: pointer;
    }
    .choice:has(input:checked) {
      background: var(--accent-soft);
      border-color: var(--accent);
      font-weight: 600;
    }
    .choice input {
      width: auto;
      min-height: 0;
      margin: 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class DayLogComponent {
  readonly date = input.required<string>();
  readonly dayStatus = input<HeatmapStatus | null>(null);
  readonly log = input<HabitLogDto | null>(null);
  readonly busy = input(false);
  /** Why the last save or removal of this day failed, shown in the form. */
  readonly error = input<string | null>(null);
  readonly saved = output<{ status: LogStatus; notes: string }>();
  readonly cleared = output<void>();
  readonly closed = output<void>();

  protected readonly choices: { value: LogStatus; label: string }[] = [
    { value: 'done', label: 'Done' },
    { value: 'skipped', label: 'Skipped' },
    { value: 'missed', label: 'Missed' },
  ];
  /** The form starts from the day's log and starts over when another day opens. */
  protected readonly status = linkedSignal<LogStatus>(() => this.log()?.status ?? 'done');
  protected readonly notes = linkedSignal(() => this.log()?.notes ?? '');
  protected readonly title = computed(() => formatDayLabel(this.date()));
  protected readonly statusWords = computed(() => {
    const status = this.dayStatus();
    return status ? STATUS_WORDS[status] : 'not logged';
  });

  protected readonly fieldValue = fieldValue;

  protected saveDay(event: Event): void {
    event.preventDefault();
    this.saved.emit({ status: this.status(), notes: this.notes() });
  }
}

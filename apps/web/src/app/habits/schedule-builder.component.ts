import { ChangeDetectionStrategy, Component, computed, model, input } from '@angular/core';
import { FieldErrorComponent } from '../errors/field-error.component';
import { describeSchedule, type ScheduleDraft, type ScheduleKind, WEEKDAYS } from './schedule';

/** Daily, N times a week, chosen weekdays or every N days — and what that means, in words. */
@Component({
  selector: 'ht-schedule-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldErrorComponent],
  template: `
    <fieldset class="builder">
      <legend>Schedule</legend>
      <div class="kinds" role="radiogroup" aria-label="Repeat">
        @for (kind of kinds; track kind.value) {
          <label class="kind">
            <input
              type="radio"
              name="schedule-kind"
              [value]="kind.value"
              [checked]="schedule().kind === kind.value"
              (change)="chooseKind(kind.value)"
            />
            {{ kind.label }}
          </label>
        }
      </div>

      @switch (schedule().kind) {
        @case ('weekly') {
          <div class="field narrow">
            <label for="schedule-times">Times a week</label>
            <input
              id="schedule-times"
              type="number"
              min="1"
              max="7"
              step="1"
              [value]="schedule().timesPerWeek"
              (input)="setTimesPerWeek($event)"
              [attr.aria-invalid]="!!errors()['timesPerWeek']"
              aria-describedby="schedule-times-error"
            />
            <ht-field-error id="schedule-times-error" [message]="errors()['timesPerWeek']" />
          </div>
        }
        @case ('weekdays') {
          <fieldset class="weekdays" aria-describedby="schedule-days-error">
            <legend>On these days</legend>
            @for (day of weekdays; track day.iso) {
              <label class="day">
                <input
                  type="checkbox"
                  [checked]="schedule().daysOfWeek.includes(day.iso)"
                  (change)="toggleWeekday(day.iso)"
                />
                <span aria-hidden="true">{{ day.short }}</span>
                <span class="visually-hidden">{{ day.long }}</span>
              </label>
            }
            <ht-field-error id="schedule-days-error" [message]="errors()['daysOfWeek']" />
          </fieldset>
        }
        @case ('interval') {
          <div class="field narrow">
            <label for="schedule-interval">Every how many days</label>
            <input
              id="schedule-interval"
              type="number"
              min="2"
              max="365"
              step="1"
              [value]="schedule().intervalDays"
              (input)="setIntervalDays($event)"
              [attr.aria-invalid]="!!errors()['intervalDays']"
              aria-describedby="schedule-interval-error"
            />
            <ht-field-error id="schedule-interval-error" [message]="errors()['intervalDays']" />
          </div>
        }
      }
      <p class="summary" data-testid="schedule-words" aria-live="polite">
        This habit will be due <strong>{{ words() }}</strong>.
      </p>
    </fieldset>
  `,
  styles: `
    .builder {
      border: 1px solid var(--line);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      margin: 0 0 0.9rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .kinds,
    .weekdays {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-bottom: 0.75rem;
    }
    .weekdays {
      border: 0;
      padding: 0;
    }
    .weekdays legend {
      font-weight: 400;
      padding: 0;
      margin-bottom: 0.3rem;
    }
    .kind,
    .day {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
      padding: 0.3rem 0.75rem;
      border: 1px solid var(--line);
      border-radius: 999px;
      cursor: pointer;
    }
    .kind:has(input:checked),
    .day:has(input:checked) {
      background: var(--accent-soft);
      border-color: var(--accent);
      font-weight: 600;
    }
    .kind input,
    .day input {
      width: auto;
      min-height: 0;
      margin: 0;
    }
    .narrow input {
      width: 6rem;
    }
    .summary {
      margin: 0;
    }
  `,
})
export class ScheduleBuilderComponent {
  readonly schedule = model.required<ScheduleDraft>();
  readonly errors = input<Record<string, string>>({});

  protected readonly kinds: { value: ScheduleKind; label: string }[] = [
    { value: 'daily', label: 'Every day' },
    { value: 'weekly', label: 'Times a week' },
    { value: 'weekdays', label: 'On chosen days' },
    { value: 'interval', label: 'Every N days' },
  ];
  protected readonly weekdays = WEEKDAYS;
  protected readonly words = computed(() => describeSchedule(this.schedule()));

  protected chooseKind(kind: ScheduleKind): void {
    this.schedule.update((s) => ({ ...s, kind }));
  }

  protected setTimesPerWeek(event: Event): void {
    const timesPerWeek = (event.target as HTMLInputElement).valueAsNumber;
    this.schedule.update((s) => ({ ...s, timesPerWeek }));
  }

  protected setIntervalDays(event: Event): void {
    const intervalDays = (event.target as HTMLInputElement).valueAsNumber;
    this.schedule.update((s) => ({ ...s, intervalDays }));
  }

  protected toggleWeekday(iso: number): void {
    this.schedule.update((s) => ({
      ...s,
      daysOfWeek: s.daysOfWeek.includes(iso)
        ? s.daysOfWeek.filter((d) => d !== iso)
        : [...s.daysOfWeek, iso].sort((a, b) => a - b),
    }));
  }
}

import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { HabitsService, type HabitDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { FieldErrorComponent } from '../errors/field-error.component';
import { toUserFacingError, UserFacingError } from '../errors/user-facing-error';

/** A quick way to add a daily or an n-times-a-week habit (the full editor comes later). */
@Component({
  selector: 'ht-new-habit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="createHabit()" novalidate aria-labelledby="new-habit">
      <h2 id="new-habit">Add a habit</h2>
      <div class="row">
        <div class="field grow">
          <label for="new-habit-name">Name</label>
          <input
            id="new-habit-name"
            formControlName="name"
            maxlength="100"
            placeholder="e.g. Read 10 pages"
            [attr.aria-invalid]="!!error()?.fields?.['name']"
            aria-describedby="new-habit-name-error"
          />
          <ht-field-error id="new-habit-name-error" [message]="error()?.fields?.['name']" />
        </div>
        <div class="field">
          <label for="new-habit-frequency">How often</label>
          <select id="new-habit-frequency" formControlName="frequency">
            <option value="daily">Every day</option>
            <option value="weekly">Times a week</option>
          </select>
        </div>
        @if (frequency() === 'weekly') {
          <div class="field narrow">
            <label for="new-habit-times">Times</label>
            <input
              id="new-habit-times"
              type="number"
              min="1"
              max="7"
              formControlName="timesPerWeek"
              [attr.aria-invalid]="!!error()?.fields?.['timesPerWeek']"
              aria-describedby="new-habit-times-error"
            />
            <ht-field-error
              id="new-habit-times-error"
              [message]="error()?.fields?.['timesPerWeek']"
            />
          </div>
        }
        <button class="primary" type="submit" [disabled]="submitting()">Add</button>
      </div>
      @if (error(); as failure) {
        <p class="form-error" role="alert">{{ failure.message }}</p>
      }
    </form>
  `,
  styles: `
    h2 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.75rem;
    }
    .grow {
      flex: 1 1 14rem;
    }
    .narrow input {
      width: 5rem;
    }
    button {
      margin-top: 1.6rem;
    }
  `,
})
export class NewHabitFormComponent {
  private readonly habitsApi = inject(HabitsService);
  readonly created = output<HabitDto>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [''],
    frequency: ['daily' as 'daily' | 'weekly'],
    timesPerWeek: [3],
  });
  protected readonly frequency = toSignal(this.form.controls.frequency.valueChanges, {
    initialValue: this.form.controls.frequency.value,
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<UserFacingError | null>(null);

  protected async createHabit(): Promise<void> {
    if (this.submitting()) return;
    const { name, frequency, timesPerWeek } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    try {
      const habit = await firstValueFrom(
        this.habitsApi.createHabit({
          body: {
            name: name.trim(),
            frequency,
            timesPerWeek: frequency === 'weekly' ? Number(timesPerWeek) : null,
          },
        }),
      );
      this.form.reset();
      this.created.emit(habit);
    } catch (failure) {
      this.error.set(toUserFacingError(failure));
    } finally {
      this.submitting.set(false);
    }
  }
}

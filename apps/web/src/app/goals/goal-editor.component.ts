import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  GoalsService,
  type CreateGoalDto,
  type GoalDto,
  type HabitDto,
} from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { FieldErrorComponent } from '../errors/field-error.component';
import { toUserFacingError, type UserFacingError } from '../errors/user-facing-error';
import { GoalLinksComponent } from './goal-links.component';
import { type LinkDraft, MAX_VALUE, validateGoal } from './goal-validation';

/** Creates a goal or replaces one (PUT: the links listed are the full set). */
@Component({
  selector: 'ht-goal-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent, GoalLinksComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-labelledby]="headingId">
      <h2 [id]="headingId">{{ heading() }}</h2>
      <div class="field">
        <label for="goal-name">Name</label>
        <input
          id="goal-name"
          formControlName="name"
          maxlength="200"
          [attr.aria-invalid]="!!error()?.fields?.['name']"
          aria-describedby="goal-name-error"
        />
        <ht-field-error id="goal-name-error" [message]="error()?.fields?.['name']" />
      </div>
      <div class="field">
        <label for="goal-description">Description <span class="optional">(optional)</span></label>
        <input id="goal-description" formControlName="description" maxlength="1000" />
      </div>
      <div class="row">
        <div class="field">
          <label for="goal-target">Target</label>
          <input
            id="goal-target"
            type="number"
            inputmode="decimal"
            min="0"
            [attr.max]="maxValue"
            step="any"
            formControlName="targetValue"
            [attr.aria-invalid]="!!error()?.fields?.['targetValue']"
            aria-describedby="goal-target-error"
          />
          <ht-field-error id="goal-target-error" [message]="error()?.fields?.['targetValue']" />
        </div>
        <div class="field">
          <label for="goal-unit">Unit</label>
          <input
            id="goal-unit"
            formControlName="unit"
            placeholder="e.g. runs, pages, km"
            maxlength="50"
            [attr.aria-invalid]="!!error()?.fields?.['unit']"
            aria-describedby="goal-unit-error"
          />
          <ht-field-error id="goal-unit-error" [message]="error()?.fields?.['unit']" />
        </div>
        <div class="field">
          <label for="goal-base">Already done</label>
          <input
            id="goal-base"
            type="number"
            inputmode="decimal"
            min="0"
            step="any"
            formControlName="baseValue"
            aria-describedby="goal-base-hint goal-base-error"
          />
          <span class="hint" id="goal-base-hint">Progress made outside the tracker.</span>
          <ht-field-error id="goal-base-error" [message]="error()?.fields?.['baseValue']" />
        </div>
      </div>
      <div class="row">
        <div class="field">
          <label for="goal-start">Counts logs from</label>
          <input
            id="goal-start"
            type="date"
            formControlName="startDate"
            [attr.aria-invalid]="!!error()?.fields?.['startDate']"
            aria-describedby="goal-start-error"
          />
          <ht-field-error id="goal-start-error" [message]="error()?.fields?.['startDate']" />
        </div>
        <div class="field">
          <label for="goal-deadline">Deadline <span class="optional">(optional)</span></label>
          <input
            id="goal-deadline"
            type="date"
            formControlName="deadline"
            [attr.min]="form.controls.startDate.value || today()"
            [attr.aria-invalid]="!!error()?.fields?.['deadline']"
            aria-describedby="goal-deadline-error"
          />
          <ht-field-error id="goal-deadline-error" [message]="error()?.fields?.['deadline']" />
        </div>
      </div>

      <ht-goal-links [(links)]="links" [habits]="habits()" [error]="error()?.fields?.['habits']" />

      @if (error(); as failure) {
        <p class="form-error" role="alert">{{ failure.message }}</p>
      }
      <div class="buttons">
        <button class="primary" type="submit" [disabled]="saving()">
          {{ submitLabel() }}
        </button>
        <button type="button" (click)="cancel()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    h2 {
      margin-top: 0;
      font-size: 1.2rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0 0.75rem;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class GoalEditorComponent {
  private readonly goalsApi = inject(GoalsService);
  /** The goal to edit; null for a new one. */
  readonly goal = input<GoalDto | null>(null);
  readonly habits = input<readonly HabitDto[]>([]);
  /** The user's day, the default start date of a new goal. */
  readonly today = input<string | null>(null);
  readonly saved = output<GoalDto>();
  readonly cancelled = output<void>();

  protected readonly headingId = `goal-editor-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', Validators.required],
    description: [''],
    targetValue: ['', Validators.required],
    unit: ['', Validators.required],
    baseValue: ['0'],
    startDate: [''],
    deadline: [''],
  });
  protected readonly maxValue = MAX_VALUE;
  protected readonly links = signal<LinkDraft[]>([]);
  protected readonly saving = signal(false);
  /** After a refused save, the form re-checks itself as the user fixes it. */
  private readonly attempted = signal(false);
  private readonly serverError = signal<UserFacingError | null>(null);
  private readonly formValue = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  private readonly localError = computed(() => {
    this.formValue();
    return this.attempted()
      ? validateGoal(this.form.getRawValue(), this.links(), this.today())
      : null;
  });
  protected readonly heading = computed(() => {
    const goal = this.goal();
    return goal ? `Edit “${goal.name}”` : 'New goal';
  });
  protected readonly submitLabel = computed(() => {
    if (this.saving()) return 'Saving…';
    return this.goal() ? 'Save goal' : 'Create goal';
  });
  /** The form's problems: the local checks' (kept up to date), else the server's answer. */
  protected readonly error = computed(() => this.localError() ?? this.serverError());

  constructor() {
    effect(() => {
      const goal = this.goal();
      const today = this.today();
      untracked(() => this.fill(goal, today));
    });
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.attempted.set(true);
    this.serverError.set(null);
    if (this.localError()) return;
    const body = this.body();
    this.saving.set(true);
    try {
      const editing = this.goal();
      const goal = await firstValueFrom(
        editing
          ? this.goalsApi.replaceGoal({ id: editing.id, body })
          : this.goalsApi.createGoal({ body }),
      );
      this.saved.emit(goal);
    } catch (failure) {
      this.serverError.set(toUserFacingError(failure));
    } finally {
      this.saving.set(false);
    }
  }

  private fill(goal: GoalDto | null, today: string | null): void {
    this.attempted.set(false);
    this.serverError.set(null);
    this.form.reset({
      name: goal?.name ?? '',
      description: goal?.description ?? '',
      targetValue: goal ? String(goal.targetValue) : '',
      unit: goal?.unit ?? '',
      baseValue: String(goal?.baseValue ?? 0),
      startDate: goal?.startDate ?? today ?? '',
      deadline: goal?.deadline ?? '',
    });
    this.links.set(
      (goal?.habits ?? []).map((link) => ({
        habitId: link.habitId,
        weight: String(link.contributionWeight),
      })),
    );
  }

  private body(): CreateGoalDto {
    const value = this.form.getRawValue();
    return {
      name: value.name.trim(),
      description: value.description.trim() || null,
      targetValue: Number(value.targetValue),
      unit: value.unit.trim(),
      baseValue: value.baseValue === '' ? 0 : Number(value.baseValue),
      ...(value.startDate ? { startDate: value.startDate } : {}),
      deadline: value.deadline || null,
      habits: this.links().map((link) => ({
        habitId: link.habitId,
        contributionWeight: Number(link.weight),
      })),
    };
  }
}

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
import { fieldValue } from '../shared/field-value';

/** The API's limits (libs/goals goal.dto.ts). */
const MAX_VALUE = 1e9;
const MAX_WEIGHT = 1000;

/** A linked habit and its weight as typed (a string until saved). */
interface LinkDraft {
  habitId: string;
  weight: string;
}

/** Creates a goal or replaces one (PUT: the links listed are the full set). */
@Component({
  selector: 'ht-goal-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-labelledby]="headingId">
      <h2 [id]="headingId">{{ goal() ? 'Edit “' + goal()!.name + '”' : 'New goal' }}</h2>
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

      <fieldset>
        <legend>Habits that count towards it</legend>
        @if (linkable().length === 0) {
          <p class="hint">No habits yet. Add some on Today, then link them here.</p>
        }
        @for (habit of linkable(); track habit.id) {
          <div class="link-row">
            <label class="check">
              <input
                type="checkbox"
                [checked]="isLinked(habit.id)"
                (change)="toggleLink(habit.id)"
              />
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
                  [attr.aria-invalid]="!!error()?.fields?.['habits']"
                  aria-describedby="goal-habits-error"
                  [value]="weightOf(habit.id)"
                  (input)="setWeight(habit.id, fieldValue($event))"
                />
              </label>
            }
          </div>
        }
        <ht-field-error id="goal-habits-error" [message]="error()?.fields?.['habits']" />
      </fieldset>

      @if (error(); as failure) {
        <p class="form-error" role="alert">{{ failure.message }}</p>
      }
      <div class="buttons">
        <button class="primary" type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : goal() ? 'Save goal' : 'Create goal' }}
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
  protected readonly maxWeight = MAX_WEIGHT;
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
    return this.attempted() ? this.validate(this.form.getRawValue(), this.links()) : null;
  });
  /** The form's problems: the local checks' (kept up to date), else the server's answer. */
  protected readonly error = computed(() => this.localError() ?? this.serverError());
  /** Archived habits can stay linked but are not offered for new links. */
  protected readonly linkable = computed(() =>
    this.habits().filter(
      (habit) => habit.status !== 'archived' || this.links().some((l) => l.habitId === habit.id),
    ),
  );

  constructor() {
    effect(() => {
      const goal = this.goal();
      const today = this.today();
      untracked(() => this.fill(goal, today));
    });
  }

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

  protected readonly fieldValue = fieldValue;

  protected setWeight(habitId: string, weight: string): void {
    this.links.update((links) =>
      links.map((link) => (link.habitId === habitId ? { ...link, weight } : link)),
    );
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

  /**
   * The API's rules, checked here first so a person needs no round trip (the server checks
   * everything again): the same limits as its validation.
   */
  private validate(
    value: ReturnType<typeof this.form.getRawValue>,
    links: readonly LinkDraft[],
  ): UserFacingError | null {
    const fields: Record<string, string> = {};
    const target = Number(value.targetValue);
    const base = value.baseValue === '' ? 0 : Number(value.baseValue);
    if (!value.name.trim()) fields['name'] = 'Give the goal a name.';
    if (!(target > 0)) fields['targetValue'] = 'The target must be above 0.';
    else if (target > MAX_VALUE) fields['targetValue'] = 'The target can be at most 1,000,000,000.';
    if (!value.unit.trim()) fields['unit'] = 'Say what is counted, e.g. “runs”.';
    if (!(base >= 0)) fields['baseValue'] = 'Cannot be negative.';
    else if (base > MAX_VALUE) fields['baseValue'] = 'Can be at most 1,000,000,000.';
    const start = value.startDate || this.today() || '';
    if (value.deadline && start && value.deadline < start)
      fields['deadline'] = 'The deadline cannot be before the goal starts counting.';
    if (links.some((link) => !(Number(link.weight) > 0)))
      fields['habits'] = 'Each linked habit needs a weight above 0.';
    else if (links.some((link) => Number(link.weight) > MAX_WEIGHT))
      fields['habits'] = 'A done day can count at most 1000.';
    if (Object.keys(fields).length === 0) return null;
    return { message: 'Please correct the highlighted fields.', code: null, status: 0, fields };
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

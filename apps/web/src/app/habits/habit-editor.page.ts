import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { HabitsService, type HabitDto, type PausePeriodDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { OwnWrites } from '../live/own-writes';
import { FieldErrorComponent } from '../errors/field-error.component';
import { toUserFacingError } from '../errors/user-facing-error';
import { HabitActionsComponent } from './habit-actions.component';
import { PausePeriodsComponent } from './pause-periods.component';
import { HabitPlanFieldsComponent, type Level, type Priority } from './habit-plan-fields.component';
import {
  DEFAULT_MEASURE,
  type MeasureDraft,
  measureOf,
  toMeasureFields,
  validateMeasure,
} from './measure';
import { MeasureFieldsComponent } from './measure-fields.component';
import { validateHabit } from './habit-validation';
import { DEFAULT_SCHEDULE, type ScheduleDraft, scheduleOf, toScheduleFields } from './schedule';
import { ScheduleBuilderComponent } from './schedule-builder.component';
import { AppearancePickerComponent } from './appearance-picker.component';
import type { HabitColor } from './habit-appearance';
import { fieldValue } from '../shared/field-value';
import { LoadStateComponent } from '../shared/load-state.component';
import { pageLoad } from '../shared/page-load';

/** Creates a habit (`/habits/new`) or edits one (`/habits/:id/edit`). */
@Component({
  selector: 'ht-habit-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FieldErrorComponent,
    ScheduleBuilderComponent,
    AppearancePickerComponent,
    HabitActionsComponent,
    PausePeriodsComponent,
    HabitPlanFieldsComponent,
    MeasureFieldsComponent,
    LoadStateComponent,
  ],
  template: `
    <main id="main" class="page" tabindex="-1">
      <p class="back">
        @if (id(); as habitId) {
          <a [routerLink]="['/habits', habitId]">← Back to the habit</a>
        } @else {
          <a routerLink="/habits">← All habits</a>
        }
      </p>
      <h1>{{ id() ? 'Edit habit' : 'New habit' }}</h1>
      @if (showForm()) {
        <form (submit)="saveHabit($event)" novalidate aria-label="Habit">
          <div class="field">
            <label for="habit-name">Name</label>
            <input
              id="habit-name"
              maxlength="100"
              [value]="name()"
              (input)="name.set(fieldValue($event))"
              [attr.aria-invalid]="!!shownErrors()['name']"
              aria-describedby="habit-name-error"
            />
            <ht-field-error id="habit-name-error" [message]="shownErrors()['name']" />
          </div>
          <div class="field">
            <label for="habit-description"
              >Description <span class="optional">(optional)</span></label
            >
            <textarea
              id="habit-description"
              rows="2"
              maxlength="1000"
              [value]="description()"
              (input)="description.set(fieldValue($event))"
              [attr.aria-invalid]="!!shownErrors()['description']"
              aria-describedby="habit-description-error"
            ></textarea>
            <ht-field-error id="habit-description-error" [message]="shownErrors()['description']" />
          </div>

          <ht-schedule-builder [(schedule)]="schedule" [errors]="shownErrors()" />

          <ht-measure-fields
            [(draft)]="measure"
            [errors]="shownErrors()"
            [kindLocked]="kindLocked()"
          />

          <ht-appearance-picker [(color)]="color" [(icon)]="icon" />

          <ht-habit-plan-fields
            [(difficulty)]="difficulty"
            [(priority)]="priority"
            [(startDate)]="startDate"
            [errors]="shownErrors()"
            [today]="today()"
            [savedStartDate]="loaded()?.startDate ?? null"
          />

          <ht-pause-periods [(periods)]="pausePeriods" [errors]="shownErrors()" [today]="today()" />

          @if (formError(); as failure) {
            <p class="form-error" role="alert">{{ failure }}</p>
          }
          <div class="submit">
            <button class="primary" type="submit" [disabled]="saving()">
              {{ id() ? 'Save changes' : 'Create habit' }}
            </button>
          </div>
        </form>

        @if (loaded(); as habit) {
          <section class="status" aria-labelledby="status-heading">
            <h2 id="status-heading">Status</h2>
            <ht-habit-actions
              [habit]="habit"
              (changed)="showSaved($event)"
              (deleted)="leaveDeletedHabit()"
            />
          </section>
        }
      } @else {
        <ht-load-state
          [loader]="loader"
          loadingText="Loading the habit…"
          failedText="The habit could not be loaded."
        />
      }
    </main>
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .submit {
      display: flex;
      justify-content: flex-end;
    }
    .status {
      margin-top: 1.5rem;
      padding-top: 1rem;
      border-top: 1px solid var(--line);
    }
    .status h2 {
      font-size: 1.1rem;
      margin: 0 0 0.5rem;
    }
  `,
})
export class HabitEditorPage {
  private readonly habitsApi = inject(HabitsService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly ownWrites = inject(OwnWrites);

  /** The habit's id from the route (absent when creating). */
  readonly id = input<string>();

  protected readonly today = computed(() => this.session.user()?.today ?? '');
  protected readonly loaded = signal<HabitDto | null>(null);
  /** The edited habit's read (a new habit has nothing to load). */
  protected readonly loader = pageLoad(
    () => firstValueFrom(this.habitsApi.getHabit({ id: this.id() ?? '' })),
    (habit) => this.fillForm(habit),
  );
  /** A new habit's form shows at once; an edited one's once the habit is read. */
  protected readonly showForm = computed(() => !this.id() || this.loader.ready());
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly schedule = signal<ScheduleDraft>(DEFAULT_SCHEDULE);
  protected readonly measure = signal<MeasureDraft>(DEFAULT_MEASURE);
  /** A habit with logged days keeps its kind (422 HABIT_KIND_LOCKED otherwise). */
  protected readonly kindLocked = computed(() => {
    const habit = this.loaded();
    if (!habit) return false;
    return (
      habit.totalCompletions + habit.totalSkips > 0 ||
      (habit.period?.total ?? 0) > 0 ||
      habit.recentDays.some((day) => day.logId !== null)
    );
  });
  protected readonly difficulty = signal<Level>('medium');
  protected readonly priority = signal<Priority>('medium');
  protected readonly startDate = signal(untracked(this.today));
  protected readonly pausePeriods = signal<PausePeriodDto[]>([]);
  protected readonly color = signal<HabitColor>('green');
  protected readonly icon = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly fieldValue = fieldValue;
  /** The server's refusal of the last save, if any. */
  private readonly saveError = signal<string | null>(null);
  /** Client errors show once the user has tried to save; the server's replace them. */
  private readonly attempted = signal(false);
  private readonly serverErrors = signal<Record<string, string>>({});

  private readonly clientErrors = computed(() => ({
    ...validateHabit({
      name: this.name(),
      description: this.description(),
      schedule: this.schedule(),
      startDate: this.startDate(),
      pausePeriods: this.pausePeriods(),
    }),
    ...validateMeasure(this.measure(), this.schedule().kind),
  }));
  protected readonly shownErrors = computed(() => ({
    ...this.serverErrors(),
    ...(this.attempted() ? this.clientErrors() : {}),
  }));
  /** The form's message: stays only while something is still wrong (issue 16, point 8). */
  protected readonly formError = computed(() => {
    if (this.attempted() && Object.keys(this.clientErrors()).length > 0)
      return 'Please correct the highlighted fields.';
    return this.saveError();
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) void untracked(() => this.loader.load());
    });
  }

  protected async saveHabit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.attempted.set(true);
    this.serverErrors.set({});
    this.saveError.set(null);
    if (Object.keys(this.clientErrors()).length > 0) return;
    const body = {
      name: this.name().trim(),
      description: this.description().trim() || null,
      ...toScheduleFields(this.schedule()),
      ...toMeasureFields(this.measure()),
      difficulty: this.difficulty(),
      priority: this.priority(),
      startDate: this.startDate(),
      pausePeriods: this.pausePeriods(),
      color: this.color(),
      icon: this.icon(),
    };
    this.saving.set(true);
    try {
      const id = this.id();
      if (id) this.ownWrites.note(id);
      const habit = id
        ? await firstValueFrom(this.habitsApi.updateHabit({ id, body }))
        : await firstValueFrom(this.habitsApi.createHabit({ body }));
      await this.router.navigate(['/habits', habit.id]);
    } catch (failure) {
      const error = toUserFacingError(failure);
      this.serverErrors.set(error.fields);
      this.saveError.set(error.message);
    } finally {
      this.saving.set(false);
    }
  }

  protected showSaved(habit: HabitDto): void {
    this.fillForm(habit);
  }

  protected async leaveDeletedHabit(): Promise<void> {
    await this.router.navigate(['/habits']);
  }

  private fillForm(habit: HabitDto): void {
    this.loaded.set(habit);
    this.name.set(habit.name);
    this.description.set(habit.description ?? '');
    this.schedule.set(scheduleOf(habit));
    this.measure.set(measureOf(habit));
    this.difficulty.set(habit.difficulty);
    this.priority.set(habit.priority);
    this.startDate.set(habit.startDate);
    this.pausePeriods.set(habit.pausePeriods.map((p) => ({ ...p })));
    this.color.set(habit.color);
    this.icon.set(habit.icon);
  }
}

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
import { validateHabit } from './habit-validation';
import { addDays } from './local-dates';

/** The API's rule: a habit starts at most a year after today (libs/habits MAX_START_DAYS_AHEAD). */
const MAX_START_DAYS_AHEAD = 365;
import { DEFAULT_SCHEDULE, type ScheduleDraft, scheduleOf, toScheduleFields } from './schedule';
import { ScheduleBuilderComponent } from './schedule-builder.component';
import { AppearancePickerComponent } from './appearance-picker.component';
import type { HabitColor } from './habit-appearance';
import { diffDays, formatDayLabel } from './local-dates';
import { fieldValue } from '../shared/field-value';

type Level = 'easy' | 'medium' | 'hard';
type Priority = 'low' | 'medium' | 'high';

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
      @if (loadError(); as message) {
        <p class="form-error" role="alert">{{ message }}</p>
      }
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

        <ht-appearance-picker [(color)]="color" [(icon)]="icon" />

        <div class="row">
          <div class="field">
            <label for="habit-difficulty">Difficulty</label>
            <select
              id="habit-difficulty"
              [value]="difficulty()"
              (change)="chooseDifficulty($event)"
            >
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
              [attr.aria-invalid]="!!shownErrors()['startDate']"
              aria-describedby="habit-start-hint habit-start-error"
            />
            <ht-field-error id="habit-start-error" [message]="shownErrors()['startDate']" />
          </div>
        </div>
        @if (startHint(); as hint) {
          <p class="notice" id="habit-start-hint" data-testid="start-hint">{{ hint }}</p>
        }

        <fieldset class="pauses">
          <legend>Pause periods</legend>
          <p class="hint">Paused days are not due: they keep the streak and leave scores alone.</p>
          @for (period of pausePeriods(); track $index; let i = $index) {
            <div class="pause" role="group" [attr.aria-label]="'Pause ' + (i + 1)">
              <div class="field">
                <label [for]="'pause-from-' + i">From</label>
                <input
                  [id]="'pause-from-' + i"
                  type="date"
                  [value]="period.from"
                  (input)="setPauseFrom(i, fieldValue($event))"
                  [attr.aria-invalid]="!!shownErrors()['pausePeriods.' + i + '.from']"
                />
                <ht-field-error [message]="shownErrors()['pausePeriods.' + i + '.from']" />
              </div>
              <div class="field">
                <label [for]="'pause-to-' + i"
                  >To <span class="optional">(empty: open)</span></label
                >
                <input
                  [id]="'pause-to-' + i"
                  type="date"
                  [value]="period.to ?? ''"
                  (input)="setPauseTo(i, fieldValue($event))"
                  [attr.aria-invalid]="!!shownErrors()['pausePeriods.' + i + '.to']"
                />
                <ht-field-error [message]="shownErrors()['pausePeriods.' + i + '.to']" />
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
          <ht-field-error [message]="shownErrors()['pausePeriods']" />
          <button type="button" (click)="addPause()">Add a pause</button>
        </fieldset>

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
    </main>
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0 1rem;
    }
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
    .notice {
      margin: -0.4rem 0 0.9rem;
      font-size: 0.92rem;
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

  private readonly today = computed(() => this.session.user()?.today ?? '');
  protected readonly loaded = signal<HabitDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly schedule = signal<ScheduleDraft>(DEFAULT_SCHEDULE);
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
  protected readonly latestStart = computed(() =>
    this.today() ? addDays(this.today(), MAX_START_DAYS_AHEAD) : null,
  );
  /** What a start date means, before it surprises anyone (a future start, an earlier one). */
  protected readonly startHint = computed(() => {
    const start = this.startDate();
    const today = this.today();
    if (!start || !today || start > (this.latestStart() ?? start)) return null;
    if (start > today) {
      return `Starts on ${formatDayLabel(start)}: it shows on Today from then.`;
    }
    const saved = this.loaded()?.startDate;
    if (!saved || start >= saved) return null;
    const until = addDays(saved < today ? saved : today, -1);
    const days = diffDays(until, start) + 1;
    if (days <= 0) return null;
    return (
      `The ${days === 1 ? 'day' : `${days} days`} from ${formatDayLabel(start)} to ` +
      `${formatDayLabel(until)} will count as missed until you log them: tap them on the ` +
      `habit's page to mark them done or skipped.`
    );
  });
  /** Client errors show once the user has tried to save; the server's replace them. */
  private readonly attempted = signal(false);
  private readonly serverErrors = signal<Record<string, string>>({});

  private readonly clientErrors = computed(() =>
    validateHabit({
      name: this.name(),
      description: this.description(),
      schedule: this.schedule(),
      startDate: this.startDate(),
      pausePeriods: this.pausePeriods(),
    }),
  );
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
      if (id) void untracked(() => this.loadHabit(id));
    });
  }

  protected chooseDifficulty(event: Event): void {
    this.difficulty.set(fieldValue(event) as Level);
  }

  protected choosePriority(event: Event): void {
    this.priority.set(fieldValue(event) as Priority);
  }

  protected addPause(): void {
    this.pausePeriods.update((periods) => [...periods, { from: this.today(), to: null }]);
  }

  protected endPause(index: number): void {
    // Ending an open pause yesterday makes today due again (a same-day pause goes entirely).
    const yesterday = addDays(this.today(), -1);
    this.pausePeriods.update((periods) =>
      periods.flatMap((p, i) => {
        if (i !== index) return [p];
        return p.from > yesterday ? [] : [{ ...p, to: yesterday }];
      }),
    );
  }

  protected removePause(index: number): void {
    this.pausePeriods.update((periods) => periods.filter((_, i) => i !== index));
  }

  protected setPauseFrom(index: number, from: string): void {
    this.pausePeriods.update((periods) =>
      periods.map((p, i) => (i === index ? { ...p, from } : p)),
    );
  }

  protected setPauseTo(index: number, to: string): void {
    this.pausePeriods.update((periods) =>
      periods.map((p, i) => (i === index ? { ...p, to: to || null } : p)),
    );
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

  private async loadHabit(id: string): Promise<void> {
    try {
      this.fillForm(await firstValueFrom(this.habitsApi.getHabit({ id })));
    } catch (failure) {
      this.loadError.set(`The habit could not be loaded. ${toUserFacingError(failure).message}`);
    }
  }

  private fillForm(habit: HabitDto): void {
    this.loaded.set(habit);
    this.name.set(habit.name);
    this.description.set(habit.description ?? '');
    this.schedule.set(scheduleOf(habit));
    this.difficulty.set(habit.difficulty);
    this.priority.set(habit.priority);
    this.startDate.set(habit.startDate);
    this.pausePeriods.set(habit.pausePeriods.map((p) => ({ ...p })));
    this.color.set(habit.color);
    this.icon.set(habit.icon);
  }
}

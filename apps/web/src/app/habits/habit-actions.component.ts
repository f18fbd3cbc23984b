import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { GoalsService, HabitsService, type HabitDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toUserFacingError } from '../errors/user-facing-error';

type UserStatus = 'active' | 'paused' | 'archived';

/**
 * Pause, resume, archive and delete. Deleting asks first, naming the goals the habit counts
 * towards (they lose its progress), and offers archiving instead.
 */
@Component({
  selector: 'ht-habit-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="actions" role="group" aria-label="Habit status">
      @if (isPausedOrArchived()) {
        <button type="button" (click)="setStatus('active')" [disabled]="busy()">Resume</button>
      } @else {
        <button type="button" (click)="setStatus('paused')" [disabled]="busy()">Pause</button>
      }
      @if (habit().status !== 'archived') {
        <button type="button" (click)="setStatus('archived')" [disabled]="busy()">Archive</button>
      }
      <button type="button" class="danger-text" (click)="askToDelete()" [disabled]="busy()">
        Delete…
      </button>
    </div>
    @if (error(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <dialog #confirm aria-labelledby="delete-title" (close)="closeConfirmation()">
      <h2 id="delete-title">Delete “{{ habit().name }}”?</h2>
      <p>Its history and statistics are deleted for good.</p>
      @if (linkedGoals() === null) {
        <p role="status">Checking which goals use it…</p>
      } @else if (linkedGoals()!.length > 0) {
        <p>It counts towards these goals, which will lose its progress:</p>
        <ul data-testid="affected-goals">
          @for (goal of linkedGoals(); track goal) {
            <li>{{ goal }}</li>
          }
        </ul>
      } @else {
        <p>No goal uses it.</p>
      }
      <p>Archiving keeps the history and takes it off your lists instead.</p>
      <div class="dialog-actions">
        <button type="button" (click)="dismissConfirmation()">Cancel</button>
        @if (habit().status !== 'archived') {
          <button type="button" (click)="archiveInstead()">Archive instead</button>
        }
        <button type="button" class="danger-solid" (click)="deleteHabit()" [disabled]="busy()">
          Delete
        </button>
      </div>
    </dialog>
  `,
  styles: `
    .actions,
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    /* Red words only: the red border (button.danger) is for the confirming step. */
    .danger-text {
      color: var(--danger);
    }
    .danger-solid {
      background: var(--danger);
      border-color: var(--danger);
      color: var(--surface);
      font-weight: 600;
    }
    dialog {
      max-width: min(30rem, calc(100vw - 2rem));
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
      color: var(--ink);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    dialog h2 {
      margin-top: 0;
      font-size: 1.15rem;
    }
  `,
})
export class HabitActionsComponent {
  private readonly habitsApi = inject(HabitsService);
  private readonly goalsApi = inject(GoalsService);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirm');

  readonly habit = input.required<HabitDto>();
  readonly changed = output<HabitDto>();
  readonly deleted = output<void>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Names of the goals linking this habit; null while they are being read. */
  protected readonly linkedGoals = signal<string[] | null>(null);
  protected readonly isPausedOrArchived = computed(() =>
    ['paused', 'archived'].includes(this.habit().status),
  );

  protected async setStatus(status: UserStatus): Promise<void> {
    await this.run(async () => {
      const habit = await firstValueFrom(
        this.habitsApi.updateHabit({ id: this.habit().id, body: { status } }),
      );
      this.changed.emit(habit);
    });
  }

  protected async askToDelete(): Promise<void> {
    this.error.set(null);
    this.linkedGoals.set(null);
    this.dialog().nativeElement.showModal();
    try {
      const goals = await firstValueFrom(this.goalsApi.listGoals());
      const id = this.habit().id;
      this.linkedGoals.set(
        goals.filter((g) => g.habits.some((link) => link.habitId === id)).map((g) => g.name),
      );
    } catch (failure) {
      this.linkedGoals.set([]);
      this.error.set(`The goals could not be checked. ${toUserFacingError(failure).message}`);
    }
  }

  protected dismissConfirmation(): void {
    this.dialog().nativeElement.close();
  }

  protected closeConfirmation(): void {
    this.linkedGoals.set(null);
  }

  protected async archiveInstead(): Promise<void> {
    this.dismissConfirmation();
    await this.setStatus('archived');
  }

  protected async deleteHabit(): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.habitsApi.deleteHabit({ id: this.habit().id }));
      this.dismissConfirmation();
      this.deleted.emit();
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (failure) {
      this.error.set(toUserFacingError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}

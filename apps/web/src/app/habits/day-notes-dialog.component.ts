import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { HabitDto, HabitLogDto } from '@habit-tracker/api-client';
import { toUserFacingError } from '../errors/user-facing-error';
import { DayLogComponent } from './day-log.component';
import { DayLogWriter } from './day-log-writer.service';
import type { LogStatus } from './habit-detail.store';

/** One day of a habit in a dialog: its status and notes (from a long press on the strip). */
@Component({
  selector: 'ht-day-notes-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DayLogComponent],
  template: `
    <dialog #dialog [attr.aria-label]="habit().name + ': one day'" (close)="closed.emit()">
      <p class="habit">{{ habit().name }}</p>
      @if (date(); as day) {
        @if (loading()) {
          <p role="status">Loading the day…</p>
        } @else {
          <ht-day-log
            [date]="day"
            [log]="log()"
            [dayStatus]="log()?.status ?? null"
            [busy]="busy()"
            [error]="error()"
            (saved)="save(day, $event)"
            (cleared)="remove()"
            (closed)="dialog.close()"
          />
        }
      }
    </dialog>
  `,
  styles: `
    dialog {
      width: min(28rem, calc(100vw - 2rem));
      border: 1px solid var(--line);
      border-radius: 14px;
      padding: 0.75rem;
      background: var(--bg);
      color: var(--ink);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    .habit {
      margin: 0.2rem 0.3rem 0;
      font-weight: 700;
    }
  `,
})
export class DayNotesDialogComponent {
  private readonly writer = inject(DayLogWriter);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  readonly habit = input.required<HabitDto>();
  /** The day to open; the dialog shows while it is set. */
  readonly date = input<string | null>(null);
  readonly changed = output<HabitDto>();
  readonly closed = output<void>();

  protected readonly log = signal<HabitLogDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const date = this.date();
      untracked(() => {
        const dialog = this.dialog().nativeElement;
        if (date === null) {
          if (dialog.open) dialog.close();
          return;
        }
        if (!dialog.open) dialog.showModal();
        void this.load(date);
      });
    });
  }

  private async load(date: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.log.set(await this.writer.readDay(this.habit().id, date));
    } catch (failure) {
      this.log.set(null);
      this.error.set(toUserFacingError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected save(date: string, entry: { status: LogStatus; notes: string }): Promise<void> {
    return this.run(() => this.writer.saveDay(this.habit().id, date, entry.status, entry.notes));
  }

  protected remove(): Promise<void> {
    const log = this.log();
    return log ? this.run(() => this.writer.removeLog(log.id)) : Promise.resolve();
  }

  private async run(write: () => Promise<HabitDto>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await write());
      this.dialog().nativeElement.close();
    } catch (failure) {
      this.error.set(toUserFacingError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { colorVar } from './habit-appearance';
import { type DayLogStatus, type RecentDayView, recentDaysView } from './recent-days';

/** How long a press makes a long press (the notes of that day). */
const LONG_PRESS_MS = 500;

/**
 * A habit's last 7 days as toggles, as Loop shows them: one tap moves a day done → skipped →
 * empty. A long press (or right click, or the context-menu key) opens the day's notes.
 */
@Component({
  selector: 'ht-recent-days',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- One set of listeners for the 7 days (delegated): cheap to draw on a long list. The
         clicks come from the day buttons, which Enter and Space press like any button. -->
    <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -->
    <ol
      class="strip"
      [attr.aria-label]="'Last 7 days of ' + habit().name"
      [style.--habit]="color()"
      data-testid="recent-days"
      (click)="tap($event)"
      (pointerdown)="pressStart($event)"
      (pointerup)="pressEnd()"
      (pointerleave)="pressEnd()"
      (pointercancel)="pressEnd()"
      (contextmenu)="openNotes($event)"
    >
      @for (day of days(); track day.date) {
        <li>
          <button
            type="button"
            class="day"
            [class]="'day ' + day.look"
            [attr.data-date]="day.date"
            [attr.data-look]="day.look"
            [attr.aria-label]="habit().name + ', ' + day.label"
            [title]="day.label"
            [disabled]="day.disabled || busy()"
          >
            <!-- Drawn by CSS from data-*: the name says it all (axe: label-content-name-mismatch). -->
            <span class="weekday" [attr.data-text]="day.weekday"></span>
            <span class="mark" [attr.data-text]="marks[day.look] || day.dayOfMonth"></span>
          </button>
        </li>
      }
    </ol>
  `,
  styles: `
    .strip {
      display: grid;
      grid-template-columns: repeat(7, minmax(2.75rem, 1fr));
      gap: 2px;
      max-width: 24rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .day {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.1rem;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.2rem 0;
      border: 2px solid var(--line);
      border-radius: 10px;
      background: transparent;
      color: var(--ink);
      line-height: 1.1;
      touch-action: manipulation;
      -webkit-user-select: none;
      user-select: none;
    }
    .weekday::before,
    .mark::before {
      content: attr(data-text);
    }
    .weekday {
      font-size: 0.7rem;
      color: inherit;
      opacity: 0.85;
    }
    .mark {
      font-size: 0.95rem;
      font-weight: 700;
      min-height: 1.1em;
    }
    .day.done {
      background: var(--habit);
      border-color: var(--habit);
      color: var(--habit-ink);
    }
    .day.skipped {
      border-color: var(--ink-muted);
      color: var(--ink-muted);
    }
    .day.missed {
      border-color: var(--danger);
      color: var(--danger);
    }
    .day.open {
      border-color: color-mix(in srgb, var(--habit) 70%, var(--line));
    }
    .day.not-due,
    .day.paused {
      border-style: dashed;
      color: var(--ink-muted);
    }
    .day.paused {
      background: repeating-linear-gradient(
        45deg,
        color-mix(in srgb, var(--ink-muted) 18%, transparent) 0 3px,
        transparent 3px 7px
      );
    }
    .day.open .mark,
    .day.before-start .mark {
      font-weight: 400;
      font-size: 0.8rem;
    }
    .day.before-start {
      border-color: transparent;
      color: var(--ink-muted);
      opacity: 1;
      cursor: default;
    }
    .day:disabled:not(.before-start) {
      cursor: progress;
    }
  `,
})
export class RecentDaysComponent {
  readonly habit = input.required<HabitDto>();
  readonly busy = input(false);
  readonly dayToggled = output<{ date: string; status: DayLogStatus | null }>();
  readonly notesOpened = output<string>();

  protected readonly days = computed(() => recentDaysView(this.habit()));
  protected readonly color = computed(() => colorVar(this.habit().color));
  protected readonly marks: Record<RecentDayView['look'], string> = {
    done: '✓',
    skipped: '–',
    missed: '✕',
    open: '',
    'not-due': '·',
    paused: 'Ⅱ',
    'before-start': '',
  };
  private pressTimer: ReturnType<typeof setTimeout> | undefined;
  private longPressed = false;

  /** The day whose toggle an event happened on. */
  private dayOf(event: Event): RecentDayView | null {
    const button = (event.target as Element | null)?.closest?.('button[data-date]');
    const date = button?.getAttribute('data-date');
    return (date && this.days().find((d) => d.date === date)) || null;
  }

  protected tap(event: Event): void {
    const day = this.dayOf(event);
    // The click that ends a long press opened the notes: it is not a toggle.
    if (this.longPressed) {
      this.longPressed = false;
      return;
    }
    if (day && !day.disabled && !this.busy())
      this.dayToggled.emit({ date: day.date, status: day.next });
  }

  protected pressStart(event: PointerEvent): void {
    const day = this.dayOf(event);
    if (!day || day.disabled || event.button !== 0) return;
    this.longPressed = false;
    clearTimeout(this.pressTimer);
    this.pressTimer = setTimeout(() => {
      this.longPressed = true;
      this.notesOpened.emit(day.date);
    }, LONG_PRESS_MS);
  }

  protected pressEnd(): void {
    clearTimeout(this.pressTimer);
  }

  /** Right click, the context-menu key, or a touch screen's own long press. */
  protected openNotes(event: Event): void {
    const day = this.dayOf(event);
    if (!day) return;
    event.preventDefault();
    clearTimeout(this.pressTimer);
    if (day.disabled || this.longPressed) return;
    this.longPressed = event instanceof PointerEvent && event.pointerType === 'touch';
    this.notesOpened.emit(day.date);
  }
}

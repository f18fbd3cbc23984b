import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { type HeatmapCell, type HeatmapGrid, monthView } from './heatmap-grid';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The phone's view of the year: one month as a calendar with cells big enough for a thumb,
 * and buttons to the months before. A weekly habit shows each week's tally at the row's end.
 */
@Component({
  selector: 'ht-month-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <button
        type="button"
        class="nav"
        (click)="month.set(view().previous!)"
        [disabled]="!view().previous"
        aria-label="Previous month"
      >
        ‹
      </button>
      <h3 aria-live="polite" data-testid="month-title">{{ view().title }}</h3>
      <button
        type="button"
        class="nav"
        (click)="month.set(view().next!)"
        [disabled]="!view().next"
        aria-label="Next month"
      >
        ›
      </button>
    </div>
    <table class="calendar" [class.weekly]="weekly()" data-testid="month-calendar">
      <caption class="visually-hidden">
        {{
          view().title
        }}
        of “{{
          habitName()
        }}”: tap a day to log it
      </caption>
      <thead>
        <tr>
          @for (name of dayNames; track name) {
            <th scope="col">{{ name }}</th>
          }
          @if (weekly()) {
            <th scope="col" class="tally-head"><abbr title="Week">Wk</abbr></th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of view().rows; track $index; let r = $index) {
          <tr>
            @for (cell of row; track $index) {
              <td>
                @if (cell) {
                  <button
                    type="button"
                    class="day"
                    [class]="'day ' + cell.look + (cell.date === selectedDate() ? ' selected' : '')"
                    [attr.data-date]="cell.date"
                    [attr.data-status]="cell.status"
                    [style.--progress]="cell.progress"
                    [attr.aria-label]="cell.label"
                    [attr.aria-pressed]="cell.date === selectedDate()"
                    [disabled]="cell.disabled"
                    (click)="openDay(cell)"
                  >
                    {{ dayOfMonth(cell.date) }}
                  </button>
                }
              </td>
            }
            @if (weekly()) {
              <td class="tally" [class]="'tally ' + (view().weeks[r]?.outcome ?? 'none')">
                <span [attr.aria-label]="view().weeks[r]?.label || null">{{
                  view().weeks[r]?.short ?? ''
                }}</span>
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
      --done: var(--success);
      --missed: #c62828;
      --skipped: #5f6b7a;
      --paused: #9a7a00;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --missed: #ff8a80;
        --skipped: #9aa4b2;
        --paused: #d8b84a;
      }
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h3 {
      margin: 0;
      font-size: 1.05rem;
    }
    .nav {
      min-width: 2.75rem;
      font-size: 1.3rem;
      line-height: 1;
    }
    .calendar {
      width: 100%;
      border-collapse: separate;
      border-spacing: 2px;
      table-layout: fixed;
      margin-top: 0.4rem;
    }
    /* Narrow, so the days keep 44 px on a 375 px phone. */
    .tally-head {
      width: 1.5rem;
    }
    abbr {
      text-decoration: none;
    }
    th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--ink-muted);
    }
    td {
      padding: 0;
      text-align: center;
    }
    .day {
      width: 100%;
      min-width: 0;
      min-height: 2.75rem;
      padding: 0;
      border-radius: 10px;
      border: 1px solid var(--line);
      background: var(--surface);
      color: var(--ink);
      font-variant-numeric: tabular-nums;
    }
    .day.done {
      background: var(--done);
      border-color: var(--done);
      color: var(--accent-ink);
      font-weight: 700;
    }
    .day.skipped {
      background: var(--skipped);
      border-color: var(--skipped);
      color: #fff;
    }
    .day.missed {
      border: 2px solid var(--missed);
      color: var(--missed);
      font-weight: 700;
    }
    .day.pending {
      border: 2px solid var(--accent);
    }
    .day.not_due,
    .day.unlogged {
      background: transparent;
      color: var(--ink-muted);
    }
    .day.paused {
      background: repeating-linear-gradient(
        45deg,
        color-mix(in srgb, var(--paused) 35%, transparent) 0 4px,
        transparent 4px 8px
      );
    }
    .day.before-start,
    .day.future {
      background: transparent;
      border-style: dashed;
      color: var(--ink-muted);
      opacity: 1;
      cursor: default;
    }
    .day.selected {
      outline: 3px solid var(--ink);
      outline-offset: 1px;
    }
    .tally {
      font-size: 0.7rem;
      font-weight: 700;
      white-space: nowrap;
    }
    .tally.met {
      color: var(--done);
    }
    .tally.failed {
      color: var(--missed);
    }

    .day.measured {
      background: color-mix(
        in srgb,
        var(--done) calc(15% + 85% * var(--progress, 0)),
        var(--not-due)
      );
    }
  `,
})
export class MonthCalendarComponent {
  readonly grid = input.required<HeatmapGrid>();
  readonly habitName = input('');
  readonly selectedDate = input<string | null>(null);
  readonly daySelected = output<string>();

  protected readonly dayNames = DAY_NAMES;
  /** The month shown: today's, until the user moves. */
  protected readonly month = linkedSignal(() => this.grid().to.slice(0, 7));
  protected readonly view = computed(() => monthView(this.grid(), this.month()));
  protected readonly weekly = computed(() => this.grid().weeks.length > 0);

  protected dayOfMonth(date: string): number {
    return Number(date.slice(8));
  }

  protected openDay(cell: HeatmapCell): void {
    if (!cell.disabled) this.daySelected.emit(cell.date);
  }
}

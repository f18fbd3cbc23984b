import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { type HeatmapCell, type HeatmapGrid, moveInGrid, STATUS_WORDS } from './heatmap-grid';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A year of days: 53 ISO weeks (columns) × 7 days (rows, Monday first), coloured by status.
 * One cell is in the tab order (roving focus); the arrow keys, Home and End move between days
 * and Enter or Space opens one.
 */
@Component({
  selector: 'ht-year-heatmap',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroller">
      <div class="months" aria-hidden="true">
        @for (month of grid().monthLabels; track month.week) {
          <span [style.grid-column]="month.week + 2">{{ month.label }}</span>
        }
      </div>
      <div
        role="grid"
        [attr.aria-label]="label()"
        aria-describedby="heatmap-help"
        class="grid"
        data-testid="heatmap"
      >
        @for (row of rows(); track $index; let day = $index) {
          <div role="row" class="row">
            <span role="rowheader" class="day-name">{{ dayNames[day] }}</span>
            @for (cell of row; track cell.date) {
              <div
                role="gridcell"
                class="cell"
                [class]="cell.cssClass"
                [id]="'day-' + cell.date"
                [attr.data-date]="cell.date"
                [attr.data-status]="cell.status"
                [attr.tabindex]="cell.tabIndex"
                [attr.aria-label]="cell.label"
                [attr.aria-selected]="cell.selected"
                [attr.aria-disabled]="cell.disabled ? true : null"
                [title]="cell.label"
                (click)="openDay(cell)"
                (focus)="noteFocus(cell)"
                (keydown)="moveFocus($event, cell)"
              ></div>
            }
          </div>
        }
        @if (grid().weeks.length > 0) {
          <div role="row" class="row weeks" data-testid="week-row">
            <span role="rowheader" class="day-name">Week</span>
            @for (week of grid().weeks; track week.week) {
              <div
                role="gridcell"
                class="week"
                [class]="'week ' + week.outcome"
                [attr.aria-label]="week.label || null"
                [title]="week.label"
                [attr.data-outcome]="week.outcome"
              ></div>
            }
          </div>
        }
      </div>
    </div>
    <p class="caption" aria-hidden="true" data-testid="heatmap-caption">{{ focusedLabel() }}</p>
    <p id="heatmap-help" class="help keyboard-only">
      Arrow keys move between days; Enter opens a day to log it or read its notes.
    </p>
    <ul class="legend" aria-label="Legend">
      @for (entry of legend(); track entry.look) {
        <li><span class="cell" [class]="entry.look" aria-hidden="true"></span>{{ entry.words }}</li>
      }
    </ul>
  `,
  styles: `
    :host {
      --cell: 12px;
      --gap: 3px;
      --done: var(--success);
      --skipped: #8792a2;
      --missed: #d9534f;
      --not-due: color-mix(in srgb, var(--line) 55%, transparent);
      --paused: #c9a227;
      display: block;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --skipped: #6f7886;
        --missed: #ff8a80;
        --paused: #d8b84a;
      }
    }
    .scroller {
      overflow-x: auto;
      padding: 4px 2px 6px;
    }
    .months,
    .row {
      display: grid;
      grid-template-columns: 2.2rem repeat(53, var(--cell));
      gap: var(--gap);
      width: max-content;
    }
    .months {
      font-size: 0.75rem;
      color: var(--ink-muted);
      height: 1.1rem;
    }
    .months span {
      white-space: nowrap;
    }
    .grid {
      display: grid;
      gap: var(--gap);
    }
    .day-name {
      position: sticky;
      left: 0;
      z-index: 1;
      font-size: 0.72rem;
      line-height: var(--cell);
      color: var(--ink-muted);
      background: var(--bg);
    }
    .week {
      width: var(--cell);
      height: var(--cell);
      border-radius: 50%;
    }
    .week.met {
      background: var(--done);
    }
    .week.failed {
      background: var(--missed);
    }
    .week.pending {
      box-shadow: inset 0 0 0 2px var(--accent);
    }
    .cell.unlogged {
      background: color-mix(in srgb, var(--line) 80%, transparent);
    }
    .cell.before-start {
      background: transparent;
      box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--line) 60%, transparent);
      cursor: default;
    }
    .cell {
      display: inline-block;
      width: var(--cell);
      height: var(--cell);
      border-radius: 2px;
      background: var(--not-due);
      cursor: pointer;
    }
    .cell.done {
      background: var(--done);
    }
    .cell.skipped {
      background: var(--skipped);
    }
    .cell.missed {
      background: var(--missed);
    }
    .cell.pending {
      background: transparent;
      box-shadow: inset 0 0 0 2px var(--accent);
    }
    .cell.paused {
      background: repeating-linear-gradient(45deg, var(--paused) 0 2px, transparent 2px 4px);
    }
    .cell.future {
      background: transparent;
      cursor: default;
    }
    .cell.selected {
      outline: 2px solid var(--ink);
      outline-offset: 1px;
    }
    .cell:focus-visible {
      outline: 3px solid var(--focus);
      outline-offset: 1px;
    }
    .caption {
      min-height: 1.4em;
      margin: 0.3rem 0 0;
      font-weight: 600;
    }
    .help {
      margin: 0.2rem 0;
      color: var(--ink-muted);
      font-size: 0.85rem;
    }
    /* Touch screens have no arrow keys to speak of. */
    @media (hover: none) and (pointer: coarse) {
      .keyboard-only {
        display: none;
      }
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 1rem;
      list-style: none;
      padding: 0;
      margin: 0.4rem 0 0;
      font-size: 0.88rem;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .legend .cell {
      cursor: default;
    }
    .legend .cell.week-met,
    .legend .cell.week-failed {
      border-radius: 50%;
    }
    .legend .cell.week-met {
      background: var(--done);
    }
    .legend .cell.week-failed {
      background: var(--missed);
    }
  `,
})
export class YearHeatmapComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly grid = input.required<HeatmapGrid>();
  readonly habitName = input('');
  /** The day open below the grid, if any. */
  readonly selectedDate = input<string | null>(null);
  readonly daySelected = output<string>();

  protected readonly dayNames = DAY_NAMES;
  protected readonly legend = computed(() =>
    this.grid().weeks.length > 0
      ? [
          { look: 'done', words: 'done' },
          { look: 'skipped', words: 'skipped' },
          { look: 'unlogged', words: 'not logged' },
          { look: 'paused', words: 'paused' },
          { look: 'week-met', words: 'week met' },
          { look: 'week-failed', words: 'week missed' },
        ]
      : (['done', 'skipped', 'missed', 'pending', 'not_due', 'paused'] as const).map((status) => ({
          look: status,
          words: STATUS_WORDS[status],
        })),
  );
  /** The cell in the tab order: the last one focused, else today. */
  private readonly focusedDate = signal<string | null>(null);
  private readonly activeDate = computed(
    () => this.focusedDate() ?? this.selectedDate() ?? this.grid().to,
  );

  protected readonly label = computed(() => `Year of “${this.habitName()}”, by day`);
  protected readonly rows = computed(() => {
    const active = this.activeDate();
    const selected = this.selectedDate();
    return this.grid().rows.map((row) =>
      row.map((cell) => ({
        ...cell,
        cssClass: `cell ${cell.look}${cell.date === selected ? ' selected' : ''}`,
        tabIndex: cell.date === active ? 0 : -1,
        selected: cell.date === selected,
      })),
    );
  });
  protected readonly focusedLabel = computed(() => {
    const date = this.focusedDate();
    if (!date) return '';
    for (const row of this.grid().rows) {
      const cell = row.find((c) => c.date === date);
      if (cell) return cell.label;
    }
    return '';
  });

  constructor() {
    // On a narrow screen the grid scrolls: start at the recent end, where today is.
    afterNextRender(() => {
      const scroller = this.host.nativeElement.querySelector<HTMLElement>('.scroller');
      if (scroller) scroller.scrollLeft = scroller.scrollWidth;
    });
  }

  protected openDay(cell: HeatmapCell): void {
    if (cell.disabled) return;
    this.focusedDate.set(cell.date);
    this.daySelected.emit(cell.date);
  }

  protected noteFocus(cell: HeatmapCell): void {
    this.focusedDate.set(cell.date);
  }

  protected moveFocus(event: KeyboardEvent, cell: HeatmapCell): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openDay(cell);
      return;
    }
    const next = moveInGrid(cell, event.key);
    if (!next) return;
    event.preventDefault();
    const target = this.grid().rows[next.day][next.week];
    this.focusedDate.set(target.date);
    this.host.nativeElement.querySelector<HTMLElement>(`#day-${target.date}`)?.focus();
  }
}

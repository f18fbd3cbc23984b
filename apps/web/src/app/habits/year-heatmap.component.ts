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
                [style.--progress]="cell.progress"
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
  styleUrl: './year-heatmap.component.css',
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

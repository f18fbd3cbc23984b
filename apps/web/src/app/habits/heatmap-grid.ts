import type { HeatmapDayDto } from '@habit-tracker/api-client';
import { addDays, formatDayLabel, formatShortDate, mondayOf, parseLocalDate } from './local-dates';

export type HeatmapStatus = HeatmapDayDto['status'];

const MONTH_SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** 53 ISO weeks, the last one holding today (SPEC.md heatmap; ≤ 371 days, the API's limit). */
export const HEATMAP_WEEKS = 53;

export interface HeatmapCell {
  date: string;
  /** null after today: the day has not come (the cell is drawn empty). */
  status: HeatmapStatus | null;
  /** What the cell is drawn as: the status, `future`, `before-start`, or `unlogged` (a weekly habit's open day). */
  look: string;
  /** After today or before the habit started: nothing to log there. */
  disabled: boolean;
  /** "Tue 10 Mar 2026: done" */
  label: string;
  week: number;
  /** 0 = Monday … 6 = Sunday */
  day: number;
  /** Measured habits: the day's period progress toward the target, 0–1 (null: nothing judged). */
  progress: number | null;
}

/** A weekly habit's week, judged as a whole: "1 of 3" rather than a row of missed days. */
export interface WeekCell {
  week: number;
  monday: string;
  outcome: 'met' | 'failed' | 'pending' | 'none';
  /** "1/3", "✓", "" */
  short: string;
  /** "Week of 2 Mar: 1 of 3 done (missed)" */
  label: string;
}

export interface HeatmapGrid {
  from: string;
  to: string;
  /** rows[day][week]: 7 rows (Mon first) of 53 cells. */
  rows: HeatmapCell[][];
  /** A month's short name over the first week that starts in it. */
  monthLabels: { week: number; label: string }[];
  /** Weekly habits only: one cell per week (53), else empty. */
  weeks: WeekCell[];
}

/** Done vs asked for in one ISO week of a weekly habit (the weekly statistics, or `habit.week`). */
export interface WeekTally {
  monday: string;
  done: number;
  quota: number;
}

export interface GridOptions {
  /** The habit's start date: earlier days are drawn as before the start and cannot be opened. */
  startDate?: string;
  /** Weekly habits: the weeks' tallies (the current one from the habit's `week`). */
  weekTallies?: readonly WeekTally[];
  /**
   * Measured habits: their unit. Cells are then shaded by their period's progress toward the
   * target, say the day's amount, and cannot be opened (a day's amount is entered on Today).
   */
  measureUnit?: string;
}

export const STATUS_WORDS: Record<HeatmapStatus, string> = {
  done: 'done',
  skipped: 'skipped',
  missed: 'missed',
  pending: 'to do',
  not_due: 'not due',
  paused: 'paused',
};

/** The date range the grid ending with `today` shows: from its first Monday to today. */
export function heatmapRange(today: string): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -7 * (HEATMAP_WEEKS - 1)), to: today };
}

/** "Week of 2 Mar: 1 of 3 done" and its short form, judged like the server judges weeks. */
export function weekCell(week: number, tally: WeekTally | undefined, today: string): WeekCell {
  const monday = tally?.monday ?? '';
  if (!tally || (tally.quota === 0 && tally.done === 0)) {
    return { week, monday, outcome: 'none', short: '', label: '' };
  }
  const current = mondayOf(today) === tally.monday;
  const met = tally.done > 0 && tally.done >= tally.quota;
  const outcome = met ? 'met' : current ? 'pending' : 'failed';
  const words = `${tally.done} of ${tally.quota} done`;
  const state = { met: 'met', pending: 'so far', failed: 'missed' }[outcome];
  return {
    week,
    monday,
    outcome,
    short: met ? '✓' : `${tally.done}/${tally.quota}`,
    label: `Week of ${formatShortDate(tally.monday)}: ${words} (${state})`,
  };
}

function cellLook(status: HeatmapStatus | null, beforeStart: boolean, weekly: boolean): string {
  if (status === null) return 'future';
  if (beforeStart) return 'before-start';
  // A weekly habit's unlogged day is not a miss of its own: its week says how the week went.
  if (weekly && (status === 'missed' || status === 'pending')) return 'unlogged';
  return status;
}

/** Lays the API's days out as 7 weekday rows × 53 week columns, Monday first. */
export function buildHeatmapGrid(
  days: readonly HeatmapDayDto[],
  today: string,
  options: GridOptions = {},
): HeatmapGrid {
  const { from, to } = heatmapRange(today);
  const byDate = new Map(days.map((d) => [d.date, d.status]));
  const measured = new Map(days.map((d) => [d.date, d]));
  const unit = options.measureUnit;
  const weekly = options.weekTallies !== undefined;
  const tallies = new Map((options.weekTallies ?? []).map((t) => [t.monday, t]));
  const weeks: WeekCell[] = [];
  const rows: HeatmapCell[][] = Array.from({ length: 7 }, () => []);
  const monthLabels: { week: number; label: string }[] = [];
  for (let week = 0; week < HEATMAP_WEEKS; week += 1) {
    const monday = addDays(from, week * 7);
    const mondayDate = parseLocalDate(monday);
    if (mondayDate.getUTCDate() <= 7) {
      monthLabels.push({
        week,
        label: MONTH_SHORT.format(mondayDate),
      });
    }
    if (weekly) weeks.push(weekCell(week, tallies.get(monday), today));
    for (let day = 0; day < 7; day += 1) {
      const date = addDays(monday, day);
      const status = date > to ? null : (byDate.get(date) ?? 'not_due');
      const beforeStart = options.startDate !== undefined && date < options.startDate;
      const look = cellLook(status, beforeStart, weekly);
      const words =
        status === null
          ? 'not yet'
          : beforeStart
            ? 'before the habit started'
            : look === 'unlogged'
              ? 'not logged'
              : STATUS_WORDS[status];
      const cell = measured.get(date);
      const progress = unit !== undefined && status !== null ? (cell?.progress ?? null) : null;
      const amount =
        unit !== undefined && cell?.value !== null && cell?.value !== undefined
          ? `, ${cell.value} ${unit}`
          : '';
      const share = progress === null ? '' : `, ${Math.round(progress * 100)}% of the target`;
      rows[day].push({
        date,
        status,
        look: progress === null ? look : `${look} measured`,
        disabled: status === null || beforeStart || unit !== undefined,
        label: `${formatDayLabel(date)}: ${words}${amount}${share}`,
        week,
        day,
        progress,
      });
    }
  }
  return { from, to, rows, monthLabels, weeks };
}

function futureCell(date: string): HeatmapCell {
  return {
    date,
    status: null,
    look: 'future',
    disabled: true,
    label: `${formatDayLabel(date)}: not yet`,
    week: -1,
    day: (parseLocalDate(date).getUTCDay() + 6) % 7,
    progress: null,
  };
}

export interface MonthView {
  /** `YYYY-MM` */
  month: string;
  /** "March 2026" */
  title: string;
  /** Weeks (Mon first) of 7 cells; null outside the month. */
  rows: (HeatmapCell | null)[][];
  /** Weekly habits: each row's week, else empty. */
  weeks: WeekCell[];
  previous: string | null;
  next: string | null;
}

/** One month of the grid, laid out as a calendar (phones: big cells instead of 53 weeks). */
export function monthView(grid: HeatmapGrid, month: string): MonthView {
  const byDate = new Map(grid.rows.flat().map((cell) => [cell.date, cell]));
  const weeksByMonday = new Map(grid.weeks.map((w) => [w.monday, w]));
  const first = `${month}-01`;
  const rows: (HeatmapCell | null)[][] = [];
  const weeks: WeekCell[] = [];
  for (let monday = mondayOf(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
    if (addDays(monday, 6) < first) continue;
    rows.push(
      Array.from({ length: 7 }, (_, day) => {
        const date = addDays(monday, day);
        if (date.slice(0, 7) !== month) return null;
        // The grid ends with this week: the rest of the month is still to come.
        return byDate.get(date) ?? (date > grid.to ? futureCell(date) : null);
      }),
    );
    const week = weeksByMonday.get(monday);
    if (grid.weeks.length > 0 && week) weeks.push(week);
  }
  const shift = (by: number) => {
    const [year, m] = month.split('-').map(Number);
    const index = year * 12 + m - 1 + by;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const title = new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parseLocalDate(first));
  return {
    month,
    title,
    rows,
    weeks,
    previous: shift(-1) >= grid.from.slice(0, 7) ? shift(-1) : null,
    next: shift(1) <= grid.to.slice(0, 7) ? shift(1) : null,
  };
}

/** The cell an arrow key moves to (left/right a week, up/down a day), staying inside the grid. */
export function moveInGrid(
  cell: { week: number; day: number },
  key: string,
): { week: number; day: number } | null {
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
  switch (key) {
    case 'ArrowLeft':
      return { week: clamp(cell.week - 1, HEATMAP_WEEKS - 1), day: cell.day };
    case 'ArrowRight':
      return { week: clamp(cell.week + 1, HEATMAP_WEEKS - 1), day: cell.day };
    case 'ArrowUp':
      return { week: cell.week, day: clamp(cell.day - 1, 6) };
    case 'ArrowDown':
      return { week: cell.week, day: clamp(cell.day + 1, 6) };
    case 'Home':
      return { week: 0, day: cell.day };
    case 'End':
      return { week: HEATMAP_WEEKS - 1, day: cell.day };
    default:
      return null;
  }
}

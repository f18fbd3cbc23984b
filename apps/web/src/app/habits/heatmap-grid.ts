import type { HeatmapDayDto } from '@habit-tracker/api-client';
import { addDays, formatDayLabel, mondayOf, parseLocalDate } from './local-dates';

export type HeatmapStatus = HeatmapDayDto['status'];

/** 53 ISO weeks, the last one holding today (SPEC.md heatmap; ≤ 371 days, the API's limit). */
export const HEATMAP_WEEKS = 53;

export interface HeatmapCell {
  date: string;
  /** null after today: the day has not come (the cell is drawn empty). */
  status: HeatmapStatus | null;
  /** "Tue 10 Mar 2026: done" */
  label: string;
  week: number;
  /** 0 = Monday … 6 = Sunday */
  day: number;
}

export interface HeatmapGrid {
  from: string;
  to: string;
  /** rows[day][week]: 7 rows (Mon first) of 53 cells. */
  rows: HeatmapCell[][];
  /** A month's short name over the first week that starts in it. */
  monthLabels: { week: number; label: string }[];
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

/** Lays the API's days out as 7 weekday rows × 53 week columns, Monday first. */
export function buildHeatmapGrid(days: readonly HeatmapDayDto[], today: string): HeatmapGrid {
  const { from, to } = heatmapRange(today);
  const byDate = new Map(days.map((d) => [d.date, d.status]));
  const rows: HeatmapCell[][] = Array.from({ length: 7 }, () => []);
  const monthLabels: { week: number; label: string }[] = [];
  for (let week = 0; week < HEATMAP_WEEKS; week += 1) {
    const monday = addDays(from, week * 7);
    const mondayDate = parseLocalDate(monday);
    if (mondayDate.getUTCDate() <= 7) {
      monthLabels.push({
        week,
        label: new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(
          mondayDate,
        ),
      });
    }
    for (let day = 0; day < 7; day += 1) {
      const date = addDays(monday, day);
      const status = date > to ? null : (byDate.get(date) ?? 'not_due');
      const words = status === null ? 'not yet' : STATUS_WORDS[status];
      rows[day].push({ date, status, label: `${formatDayLabel(date)}: ${words}`, week, day });
    }
  }
  return { from, to, rows, monthLabels };
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

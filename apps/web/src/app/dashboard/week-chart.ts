import type { HeatmapCountsDto } from '@habit-tracker/api-client';

export type BarPartKind = 'done' | 'skipped' | 'missed' | 'pending';

export interface ChartBar {
  date: string;
  /** Short weekday, e.g. "Mon". */
  label: string;
  x: number;
  width: number;
  /** Stacked from the bottom: done, skipped, missed, pending; empty parts left out. */
  parts: { kind: BarPartKind; y: number; height: number }[];
}

const LABEL_SPACE = 18;
const KINDS: BarPartKind[] = ['done', 'skipped', 'missed', 'pending'];

/**
 * Lays out one bar per day in a `width` × `height` box, scaled to the busiest day. The last day
 * is today: only it can be still open (a weekly habit's earlier days of the week are counted
 * `pending` by the API while its week runs, but those days are over).
 */
export function weekChartBars(
  series: readonly HeatmapCountsDto[],
  width: number,
  height: number,
  locale?: string,
): ChartBar[] {
  if (series.length === 0) return [];
  const days = series.map((d, i) => (i < series.length - 1 ? { ...d, pending: 0 } : d));
  const plot = height - LABEL_SPACE;
  const busiest = Math.max(1, ...days.map((d) => d.done + d.skipped + d.missed + d.pending));
  const slot = width / days.length;
  const barWidth = slot * 0.6;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return days.map((day, index) => {
    let top = plot;
    const parts = KINDS.filter((kind) => day[kind] > 0).map((kind) => {
      const partHeight = (day[kind] / busiest) * plot;
      top -= partHeight;
      return { kind, y: round(top), height: round(partHeight) };
    });
    const [year, month, date] = day.date.split('-').map(Number);
    return {
      date: day.date,
      label: weekday.format(new Date(Date.UTC(year, month - 1, date))),
      x: round(index * slot + (slot - barWidth) / 2),
      width: round(barWidth),
      parts,
    };
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

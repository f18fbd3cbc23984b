/** Pure mappers from the API's statistics to what ngx-charts draws (`{name, value}` series). */

export interface ChartPoint {
  name: string;
  value: number;
}

export interface ChartSeries {
  name: string;
  series: ChartPoint[];
}

export interface PeriodRate {
  periodStart: string;
  rate: number | null;
}

function parse(localDate: string): Date {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
/** "Nov ’26": a bare "Nov 26" beside the weekly chart's "16 Nov" reads as a day. */
function monthYear(date: Date): string {
  return `${monthOnly.format(date)} ’${String(date.getUTCFullYear() % 100).padStart(2, '0')}`;
}

/** Weekly bars named by their Monday ("10 Mar"); a week with nothing expected draws as 0. */
export function toWeeklyBars(periods: readonly PeriodRate[]): ChartPoint[] {
  return periods.map((p) => ({ name: dayMonth.format(parse(p.periodStart)), value: p.rate ?? 0 }));
}

/** Monthly bars named "Mar ’26". */
export function toMonthlyBars(periods: readonly PeriodRate[]): ChartPoint[] {
  return periods.map((p) => ({ name: monthYear(parse(p.periodStart)), value: p.rate ?? 0 }));
}

/**
 * One line of consistency by day. Days with nothing expected are left out rather than drawn as
 * 0, so a new habit's line starts where it has something to say.
 */
export function toConsistencyLine(
  points: readonly { date: string; consistency: number | null }[],
): ChartSeries[] {
  const series = points
    .filter((p): p is { date: string; consistency: number } => p.consistency !== null)
    .map((p) => ({ name: dayMonth.format(parse(p.date)), value: p.consistency }));
  return [{ name: 'Consistency', series }];
}

/**
 * The periods that had begun by the habit's start, from the one holding it on: bars for months
 * before the habit existed say nothing. The last period (the current one) always stays.
 */
export function periodsSince<T extends { periodStart: string }>(
  periods: readonly T[],
  startDate: string,
  unit: 'week' | 'month',
): T[] {
  const first =
    unit === 'month'
      ? `${startDate.slice(0, 7)}-01`
      : (() => {
          const date = parse(startDate);
          date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
          return date.toISOString().slice(0, 10);
        })();
  const kept = periods.filter((p) => p.periodStart >= first);
  return kept.length > 0 ? kept : periods.slice(-1);
}

/** A weekly habit's weeks as rates of their own quota ("2 of 3" is 67 %, not the 100 % of what was due so far). */
export function weekTallyRates(
  weeks: readonly { monday: string; done: number; quota: number }[],
): PeriodRate[] {
  return weeks.map((w) => ({
    periodStart: w.monday,
    rate: w.quota > 0 ? Math.round((100 * Math.min(w.done, w.quota)) / w.quota) : null,
  }));
}

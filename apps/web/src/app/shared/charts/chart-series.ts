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
const monthYear = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: '2-digit',
  timeZone: 'UTC',
});

/** Weekly bars named by their Monday ("10 Mar"); a week with nothing expected draws as 0. */
export function toWeeklyBars(periods: readonly PeriodRate[]): ChartPoint[] {
  return periods.map((p) => ({ name: dayMonth.format(parse(p.periodStart)), value: p.rate ?? 0 }));
}

/** Monthly bars named "Mar 26". */
export function toMonthlyBars(periods: readonly PeriodRate[]): ChartPoint[] {
  return periods.map((p) => ({ name: monthYear.format(parse(p.periodStart)), value: p.rate ?? 0 }));
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

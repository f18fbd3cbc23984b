import {
  periodsSince,
  toConsistencyLine,
  toMonthlyBars,
  toWeeklyBars,
  weekTallyRates,
} from './chart-series';

describe('chart series', () => {
  it('names weekly bars by their Monday and draws a week with nothing expected as 0', () => {
    expect(
      toWeeklyBars([
        { periodStart: '2026-03-02', rate: 50 },
        { periodStart: '2026-03-09', rate: null },
      ]),
    ).toEqual([
      { name: '2 Mar', value: 50 },
      { name: '9 Mar', value: 0 },
    ]);
  });

  it('names monthly bars by month and year', () => {
    expect(
      toMonthlyBars([
        { periodStart: '2025-12-01', rate: 100 },
        { periodStart: '2026-01-01', rate: 33 },
      ]),
    ).toEqual([
      { name: 'Dec ’25', value: 100 },
      { name: 'Jan ’26', value: 33 },
    ]);
  });

  it('draws one consistency line, leaving out the days with nothing expected', () => {
    expect(
      toConsistencyLine([
        { date: '2026-03-08', consistency: null },
        { date: '2026-03-09', consistency: 0 },
        { date: '2026-03-10', consistency: 67 },
      ]),
    ).toEqual([
      {
        name: 'Consistency',
        series: [
          { name: '9 Mar', value: 0 },
          { name: '10 Mar', value: 67 },
        ],
      },
    ]);
  });

  it('leaves out the weeks and months that ended before the habit started', () => {
    const weeks = ['2026-02-23', '2026-03-02', '2026-03-09'].map((periodStart) => ({
      periodStart,
      rate: null,
    }));
    // Wed 4 March is in the week of Mon 2 March.
    expect(periodsSince(weeks, '2026-03-04', 'week').map((p) => p.periodStart)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
    const months = ['2026-01-01', '2026-02-01', '2026-03-01'].map((periodStart) => ({
      periodStart,
      rate: null,
    }));
    expect(periodsSince(months, '2026-02-28', 'month').map((p) => p.periodStart)).toEqual([
      '2026-02-01',
      '2026-03-01',
    ]);
    // A habit starting later than every period still shows the last one (the current).
    expect(periodsSince(months, '2026-04-02', 'month')).toHaveLength(1);
  });

  it('rates a weekly habit’s weeks as done of the quota (the current week so far)', () => {
    expect(
      weekTallyRates([
        { monday: '2026-02-23', done: 1, quota: 3 },
        { monday: '2026-03-02', done: 3, quota: 3 },
        { monday: '2026-03-09', done: 2, quota: 3 },
        { monday: '2026-03-16', done: 0, quota: 0 },
      ]),
    ).toEqual([
      { periodStart: '2026-02-23', rate: 33 },
      { periodStart: '2026-03-02', rate: 100 },
      { periodStart: '2026-03-09', rate: 67 },
      { periodStart: '2026-03-16', rate: null },
    ]);
  });
});

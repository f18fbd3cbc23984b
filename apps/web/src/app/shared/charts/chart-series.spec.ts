import { toConsistencyLine, toMonthlyBars, toWeeklyBars } from './chart-series';

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
      { name: 'Dec 25', value: 100 },
      { name: 'Jan 26', value: 33 },
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
});

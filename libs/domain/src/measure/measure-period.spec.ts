import { PausePeriod } from '../schedule/pauses';
import { computeHabitStats } from '../stats/habit-stats';
import { measurable, target, valuesOn } from '../testing/habit-fixtures';
import { MeasureTarget } from './measure-target';
import { measureSeries } from './measure-aggregates';

// SPEC §6 proration of the current period's target: value × a / n kept to 3 decimals, ceil for
// at_least and floor for at_most; a = 0 is neutral (target null). Worked by hand per row.
interface Row {
  name: string;
  target: MeasureTarget;
  start: string;
  today: string;
  pauses?: PausePeriod[];
  logs?: Record<string, number | 'S'>;
  expected: { start: string; end: string; total: number; target: number | null; outcome: string };
}

describe('the current period and its prorated target', () => {
  it.each<Row>([
    {
      name: 'at_least 20/week from Wed: a = 5 → 14.2857… → 14.286',
      target: target('at_least', 20, 'week'),
      start: '2026-03-04',
      today: '2026-03-04',
      expected: {
        start: '2026-03-02',
        end: '2026-03-08',
        total: 0,
        target: 14.286,
        outcome: 'pending',
      },
    },
    {
      name: 'at_most 20/week from Wed: → 14.285',
      target: target('at_most', 20, 'week'),
      start: '2026-03-04',
      today: '2026-03-04',
      expected: {
        start: '2026-03-02',
        end: '2026-03-08',
        total: 0,
        target: 14.285,
        outcome: 'pending',
      },
    },
    {
      name: 'at_least 100/month from 03-11: a = 21 of 31 → 67.7419… → 67.742',
      target: target('at_least', 100, 'month'),
      start: '2026-03-11',
      today: '2026-03-11',
      expected: {
        start: '2026-03-01',
        end: '2026-03-31',
        total: 0,
        target: 67.742,
        outcome: 'pending',
      },
    },
    {
      name: 'at_most 100/month from 03-11: → 67.741',
      target: target('at_most', 100, 'month'),
      start: '2026-03-11',
      today: '2026-03-11',
      expected: {
        start: '2026-03-01',
        end: '2026-03-31',
        total: 0,
        target: 67.741,
        outcome: 'pending',
      },
    },
    {
      name: 'at_least 7/week, paused Tue–Thu: a = 4 → exactly 4',
      target: target('at_least', 7, 'week'),
      start: '2026-03-02',
      today: '2026-03-02',
      pauses: [{ from: '2026-03-03', to: '2026-03-05' }],
      logs: { '2026-03-02': 4 },
      expected: { start: '2026-03-02', end: '2026-03-08', total: 4, target: 4, outcome: 'met' },
    },
    {
      name: 'a future pause counts too: paused from Sat on (open) → a = 5 of 7',
      target: target('at_least', 14, 'week'),
      start: '2026-03-02',
      today: '2026-03-03',
      pauses: [{ from: '2026-03-07', to: null }],
      logs: { '2026-03-02': 5 },
      expected: {
        start: '2026-03-02',
        end: '2026-03-08',
        total: 5,
        target: 10,
        outcome: 'pending',
      },
    },
    {
      name: 'a whole week paused: neutral, no target',
      target: target('at_least', 1, 'week'),
      start: '2026-03-02',
      today: '2026-03-04',
      pauses: [{ from: '2026-03-02', to: '2026-03-08' }],
      logs: { '2026-03-03': 2 },
      expected: {
        start: '2026-03-02',
        end: '2026-03-08',
        total: 0,
        target: null,
        outcome: 'neutral',
      },
    },
    {
      name: 'a skipped day is excused: at_least 7/week with Mon skipped → a = 6 → 6',
      target: target('at_least', 7, 'week'),
      start: '2026-03-02',
      today: '2026-03-03',
      logs: { '2026-03-02': 'S', '2026-03-03': 6 },
      expected: { start: '2026-03-02', end: '2026-03-08', total: 6, target: 6, outcome: 'met' },
    },
    {
      name: 'at_least 0.001/month from the 31st: 0.001 × 1/31 → ceil 0.001',
      target: target('at_least', 0.001, 'month'),
      start: '2026-03-31',
      today: '2026-03-31',
      expected: {
        start: '2026-03-01',
        end: '2026-03-31',
        total: 0,
        target: 0.001,
        outcome: 'pending',
      },
    },
    {
      name: 'at_most 0.001/month from the 31st: floor → 0, so any value fails',
      target: target('at_most', 0.001, 'month'),
      start: '2026-03-31',
      today: '2026-03-31',
      logs: { '2026-03-31': 0.001 },
      expected: {
        start: '2026-03-01',
        end: '2026-03-31',
        total: 0.001,
        target: 0,
        outcome: 'failed',
      },
    },
    {
      name: 'February 2026 (28 days) from 02-15: at_least 30 × 14/28 = 15',
      target: target('at_least', 30, 'month'),
      start: '2026-02-15',
      today: '2026-02-20',
      expected: {
        start: '2026-02-01',
        end: '2026-02-28',
        total: 0,
        target: 15,
        outcome: 'pending',
      },
    },
    {
      name: 'February 2028 (29 days) from 02-15: 30 × 15/29 = 15.5172… → 15.518',
      target: target('at_least', 30, 'month'),
      start: '2028-02-15',
      today: '2028-02-15',
      expected: {
        start: '2028-02-01',
        end: '2028-02-29',
        total: 0,
        target: 15.518,
        outcome: 'pending',
      },
    },
    {
      name: 'day: today paused is neutral',
      target: target('at_least', 8, 'day'),
      start: '2026-03-02',
      today: '2026-03-04',
      pauses: [{ from: '2026-03-04', to: null }],
      expected: {
        start: '2026-03-04',
        end: '2026-03-04',
        total: 0,
        target: null,
        outcome: 'neutral',
      },
    },
    {
      name: 'day: today skipped is neutral',
      target: target('at_least', 8, 'day'),
      start: '2026-03-02',
      today: '2026-03-04',
      logs: { '2026-03-04': 'S' },
      expected: {
        start: '2026-03-04',
        end: '2026-03-04',
        total: 0,
        target: null,
        outcome: 'neutral',
      },
    },
    {
      name: 'day: before startDate is neutral',
      target: target('at_most', 2, 'day'),
      start: '2026-03-10',
      today: '2026-03-04',
      expected: {
        start: '2026-03-04',
        end: '2026-03-04',
        total: 0,
        target: null,
        outcome: 'neutral',
      },
    },
    {
      name: 'at_most 0/week: nothing logged is pending, then met once past',
      target: target('at_most', 0, 'week'),
      start: '2026-03-02',
      today: '2026-03-08',
      expected: { start: '2026-03-02', end: '2026-03-08', total: 0, target: 0, outcome: 'pending' },
    },
  ])('$name', ({ target: t, start, today, pauses, logs, expected }) => {
    const h = measurable({ start, target: t, pauses, logs: valuesOn(logs ?? {}) });
    expect(computeHabitStats(h, today).period).toEqual(expected);
  });
});

describe('measureSeries: the chart of totals against targets', () => {
  it('weeks from 02-23 to 03-15 as of Wed 03-11 (at least 20 km a week from Wed 03-04)', () => {
    const h = measurable({
      start: '2026-03-04',
      target: target('at_least', 20, 'week'),
      logs: valuesOn({ '2026-03-04': 15, '2026-03-10': 12.5 }),
    });
    expect(measureSeries(h, '2026-03-11', '2026-02-25', '2026-03-15')).toEqual([
      { start: '2026-02-23', end: '2026-03-01', total: 0, target: null, outcome: 'neutral' },
      { start: '2026-03-02', end: '2026-03-08', total: 15, target: 14.286, outcome: 'met' },
      { start: '2026-03-09', end: '2026-03-15', total: 12.5, target: 20, outcome: 'pending' },
    ]);
  });

  it('days of a Mon/Wed/Fri habit: non-due days neutral unless met', () => {
    const h = measurable({
      start: '2026-03-02',
      target: target('at_least', 30, 'day'),
      schedules: [
        {
          effectiveFrom: '2026-03-02',
          frequency: 'custom',
          timesPerWeek: null,
          daysOfWeek: [1, 3, 5],
          intervalDays: null,
        },
      ],
      logs: valuesOn({ '2026-03-02': 10, '2026-03-03': 31, '2026-03-05': 5 }),
    });
    expect(measureSeries(h, '2026-03-05', '2026-03-02', '2026-03-05')).toEqual([
      { start: '2026-03-02', end: '2026-03-02', total: 10, target: 30, outcome: 'failed' },
      { start: '2026-03-03', end: '2026-03-03', total: 31, target: 30, outcome: 'met' },
      { start: '2026-03-04', end: '2026-03-04', total: 0, target: 30, outcome: 'failed' },
      { start: '2026-03-05', end: '2026-03-05', total: 5, target: 30, outcome: 'neutral' },
    ]);
  });
});

import { consistencyAsOf, monthlyTotals, weeklyTotals } from './aggregates';
import { habit, logsFrom, weekly } from '../testing/habit-fixtures';
import { computeHabitStats } from './habit-stats';

describe('consistency window edges and rounding', () => {
  it('daily: the 30 days ending today; a miss 30 days ago is outside', () => {
    // Daily from 2026-01-01, all done to 03-09 except one day; today 03-10 (pending).
    // Window = 02-09..03-10: 29 expected (today pending).
    const allDone = 'D'.repeat(68); // 01-01..03-09
    const missOn = (index: number) => allDone.slice(0, index) + '.' + allDone.slice(index + 1);
    const h = (pattern: string) =>
      habit({ start: '2026-01-01', logs: logsFrom('2026-01-01', pattern) });
    expect(computeHabitStats(h(missOn(38)), '2026-03-10').consistencyScore).toBe(100); // 02-08 missed
    expect(computeHabitStats(h(missOn(39)), '2026-03-10').consistencyScore).toBe(97); // 02-09: 28/29 = 96.6
  });

  it('rounds half-up: 1 of 8 is 12.5 → 13', () => {
    const h = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'D.......') });
    expect(computeHabitStats(h, '2026-03-10')).toMatchObject({
      consistencyScore: 13,
      failureRate: 0.875,
    });
    // 2 of 3: 66.67 → 67 and 1/3 → 0.3333.
    const h2 = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'DD.') });
    expect(computeHabitStats(h2, '2026-03-05')).toMatchObject({
      consistencyScore: 67,
      failureRate: 0.3333,
    });
  });

  it('weekly: 4 past weeks + current; the current week counts min(quota, done)', () => {
    // 2/week from Mon 02-02 (weeks 02-02, 02-09, 02-16, 02-23, 03-02, 03-09). Today Wed 03-11.
    // Past 4: 02-09 'DD' met, 02-16 'D' (1/2), 02-23 none (0/2), 03-02 'DDD' (3 ≥ 2).
    // Current 03-09: 'D' so far. The week 02-02 (4 done) is outside the window.
    const h = habit({
      start: '2026-02-02',
      schedules: [weekly('2026-02-02', 2)],
      logs: logsFrom('2026-02-02', 'DDDD... DD..... D...... ....... DDD.... D'),
    });
    // expected = 2+2+2+2 + min(2, 1) = 9; completions = 2+1+0+2 + 1 = 6 → 66.7 → 67.
    // failure = (0+1+2+0) / (3 + (2+1+0+2)) = 3/8.
    expect(computeHabitStats(h, '2026-03-11')).toMatchObject({
      consistencyScore: 67,
      failureRate: 0.375,
    });
    // Trend: as of Sun 03-08 the current week is 03-02 (3 done): past 4 = 02-02 (4/2),
    // 02-09, 02-16, 02-23: expected 8 + min(2,3) = 10; completions 2+2+1+0 + 2 = 7 → 70.
    expect(consistencyAsOf(h, '2026-03-08')).toBe(70);
    expect(weeklyTotals(h, '2026-03-11', 3)).toEqual([
      { periodStart: '2026-02-23', done: 0, expected: 2 },
      { periodStart: '2026-03-02', done: 2, expected: 2 },
      { periodStart: '2026-03-09', done: 1, expected: 1 },
    ]);
    // Months by the week's first day: Feb = weeks 02-02..02-23 (2+2+1+0 of 8), March = 03-02
    // (2 of 2) + 03-09 (1 of 1).
    expect(monthlyTotals(h, '2026-03-11', 2)).toEqual([
      { periodStart: '2026-02-01', done: 5, expected: 8 },
      { periodStart: '2026-03-01', done: 3, expected: 3 },
    ]);
  });

  it('daily monthly totals: due days, skips and a pending today excluded', () => {
    // Daily from Sat 02-28: 02-28 D; March 01 S, 02 D, 03 missed; today 03-04 pending.
    const h = habit({ start: '2026-02-28', logs: logsFrom('2026-02-28', 'DSD') });
    expect(monthlyTotals(h, '2026-03-04', 2)).toEqual([
      { periodStart: '2026-02-01', done: 1, expected: 1 },
      { periodStart: '2026-03-01', done: 1, expected: 2 },
    ]);
  });
});

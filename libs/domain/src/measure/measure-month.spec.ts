import { computeHabitStats } from '../stats/habit-stats';
import { heatmap } from '../stats/heatmap';
import { measurable, target, valuesOn } from '../testing/habit-fixtures';

// Period `month` (calendar months of local days, daily frequency). February 2026 has 28 days,
// March 31, April 30. Strength updates every counted day with f = 1/30 on S = the total of the
// 30 days ending it, against the full target.
const m30 = 0.5 ** (Math.sqrt(1 / 30) / 13);
const fold = (start: number, segments: [days: number, v: number][]) =>
  segments.reduce(
    (score, [days, v]) =>
      Array.from({ length: days }).reduce<number>((s) => s * m30 + v * (1 - m30), score),
    start,
  );

describe('at least 100 km a month, from Mon 02-16, paused 04-01..04-05', () => {
  const cycling = measurable({
    start: '2026-02-16',
    unit: 'km',
    target: target('at_least', 100, 'month'),
    pauses: [{ from: '2026-04-01', to: '2026-04-05' }],
    logs: valuesOn({
      '2026-02-20': 20,
      '2026-02-27': 26.429,
      '2026-03-05': 30,
      '2026-03-20': 40,
      '2026-03-31': 29.999,
      '2026-04-03': 50, // paused: never counts
      '2026-04-08': 40,
    }),
  });
  // February: a = 13 (16–28) of 28 → 100 × 13/28 = 46.4285… → ceil 46.429; 20 + 26.429 = 46.429
  // → met on 02-27. March: 30 + 40 + 29.999 = 99.999 < 100 → failed. April (today 04-10): a =
  // 25 of 30 → 100 × 25/30 = 83.333… → 83.334; total 40 (the paused 50 left out) → pending.

  it('prorates February by startDate and April by the pause', () => {
    const stats = computeHabitStats(cycling, '2026-04-10');
    expect(stats).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      streakUnit: 'month',
      totalCompletions: 1,
      lastCompletedDate: '2026-02-27',
      consecutiveMisses: 1, // March
      status: 'active',
      consistencyScore: 50, // January neutral, February met, March failed; April pending
      failureRate: 0.5,
      period: {
        start: '2026-04-01',
        end: '2026-04-30',
        total: 40,
        target: 83.334,
        outcome: 'pending',
      },
    });
    // S over the 30 days ending each counted day (a value stays in for 30 days: 02-20's until
    // 03-21, 02-27's until 03-28, 03-05's until 04-03):
    // 02-16..19: 0 (4 days) · 02-20..26: 20 (7) · 02-27..03-04: 46.429 (6) · 03-05..19:
    // 76.429 (15) · 03-20..21: 116.429 → 1 (2) · 03-22..28: 96.429 (7) · 03-29..30: 70 (2) ·
    // 03-31: 99.999 (1) · 04-01..05 paused · 04-06..07: 69.999 (2) · 04-08..10: 109.999 → 1 (3).
    expect(stats.strength).toBeCloseTo(
      100 *
        fold(0, [
          [4, 0],
          [7, 0.2],
          [6, 0.46429],
          [15, 0.76429],
          [2, 1],
          [7, 0.96429],
          [2, 0.7],
          [1, 0.99999],
          [2, 0.69999],
          [3, 1],
        ]),
      9,
    );
  });

  it('heatmap: progress is the month total ÷ its prorated target', () => {
    expect(heatmap(cycling, '2026-04-10', '2026-03-31', '2026-04-01')).toEqual([
      { date: '2026-03-31', status: 'missed', value: 29.999, progress: 0.9999 }, // 99.999/100
      { date: '2026-04-01', status: 'paused', value: null, progress: null },
    ]);
    expect(heatmap(cycling, '2026-04-10', '2026-02-15', '2026-02-16')).toEqual([
      { date: '2026-02-15', status: 'not_due', value: null, progress: null },
      { date: '2026-02-16', status: 'done', value: null, progress: 1 },
    ]);
    expect(heatmap(cycling, '2026-04-10', '2026-04-08', '2026-04-08')).toEqual([
      { date: '2026-04-08', status: 'pending', value: 40, progress: 0.4799 }, // 40/83.334 = 0.47999…
    ]);
  });
});

describe('at most 8 takeaways a month, from 2026-01-01, skipped 03-10', () => {
  const takeaways = measurable({
    start: '2026-01-01',
    unit: 'takeaways',
    target: target('at_most', 8, 'month'),
    logs: valuesOn({
      '2026-01-05': 3,
      '2026-01-15': 2,
      '2026-01-25': 2,
      '2026-02-07': 5,
      '2026-02-21': 4,
      '2026-03-10': 'S',
      '2026-03-14': 4,
      '2026-03-28': 4,
    }),
  });
  // January 7 ≤ 8 met (dated 01-31) · February 9 > 8 failed · March: a = 30 (a skipped day is
  // excused) → 8 × 30/31 = 7.7419… → floor 7.741; 8 > 7.741 failed · April (today 04-02) pending.

  it('two failed months after the latest met one: at risk', () => {
    expect(computeHabitStats(takeaways, '2026-04-02')).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      streakUnit: 'month',
      totalCompletions: 1,
      totalSkips: 1,
      lastCompletedDate: '2026-01-31',
      consecutiveMisses: 2,
      status: 'at_risk',
      consistencyScore: 33, // 3 past months: 1 met of 3
      failureRate: 0.6667,
      period: { start: '2026-04-01', end: '2026-04-30', total: 0, target: 8, outcome: 'pending' },
    });
  });

  it('a month is failed as soon as it passes the limit', () => {
    expect(computeHabitStats(takeaways, '2026-02-21')).toMatchObject({
      period: { start: '2026-02-01', end: '2026-02-28', total: 9, target: 8, outcome: 'failed' },
      consecutiveMisses: 0, // February is not past yet
      currentStreak: 0,
    });
    expect(computeHabitStats(takeaways, '2026-02-20')).toMatchObject({
      period: { total: 5, outcome: 'pending' },
      currentStreak: 1, // January
    });
  });
});

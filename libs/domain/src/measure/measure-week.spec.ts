import { LocalDate } from '../calendar/local-date';
import { userDayOf } from '../calendar/time-zone';
import { HabitLogEntry } from '../habit/habit-history';
import { computeHabitStats } from '../stats/habit-stats';
import { heatmap } from '../stats/heatmap';
import { measurable, target, valuesOn } from '../testing/habit-fixtures';
import { addMeasureValues } from './measure-value';

// Period `week` (ISO weeks of local days, daily frequency). March 2026: W0 = 02-23..03-01,
// W1 = 03-02..03-08, W2 = 03-09..03-15, W3 = 03-16..03-22, W4 = 03-23..03-29.
// Strength updates every counted day with f = 1/7 on S = the total of the 7 days ending it.
const m7 = 0.5 ** (Math.sqrt(1 / 7) / 13);
const fold = (start: number, values: number[]) =>
  values.reduce((score, v) => score * m7 + v * (1 - m7), start);

describe('at least 20 km a week, from Wed 03-04, paused Wed–Fri of W3, skipped Tue of W4', () => {
  const running = measurable({
    start: '2026-03-04',
    unit: 'km',
    target: target('at_least', 20, 'week'),
    pauses: [{ from: '2026-03-18', to: '2026-03-20' }],
    logs: valuesOn({
      '2026-03-04': 5,
      '2026-03-06': 6,
      '2026-03-08': 3.3,
      '2026-03-09': 10,
      '2026-03-14': 9.999,
      '2026-03-16': 6,
      '2026-03-17': 5,
      '2026-03-18': 10, // paused: never counts
      '2026-03-21': 0.429,
      '2026-03-23': 7,
      '2026-03-24': 'S',
      '2026-03-26': 10.143,
    }),
  });
  // W1: a = 5 (Wed–Sun) → 20 × 5/7 = 14.2857… → ceil 14.286; 5 + 6 + 3.3 = 14.3 → met on Sun 08.
  // W2: a = 7 → 20; 10 + 9.999 = 19.999 → failed.
  // W3: a = 4 (3 paused) → 20 × 4/7 = 11.4285… → 11.429; 6 + 5 + 0.429 = 11.429 → met on Sat 21.
  // W4 (today Thu 03-26): a = 6 (Tue skipped) → 20 × 6/7 = 17.1428… → 17.143; 7 + 10.143 =
  // 17.143 → met today.

  it('prorates by start, pauses and skips; streaks count met weeks', () => {
    const stats = computeHabitStats(running, '2026-03-26');
    expect(stats).toMatchObject({
      currentStreak: 2, // W3, W4
      longestStreak: 2,
      streakUnit: 'week',
      totalCompletions: 3,
      totalSkips: 1,
      lastCompletedDate: '2026-03-26',
      consecutiveMisses: 0,
      // Past 4 weeks: W0 neutral (before start), W1 met, W2 failed, W3 met; W4 met counts.
      consistencyScore: 75,
      failureRate: 0.25,
      dueToday: true,
      nextDueDate: '2026-03-26',
      week: null,
      period: {
        start: '2026-03-23',
        end: '2026-03-29',
        total: 17.143,
        target: 17.143,
        outcome: 'met',
      },
    });
    // S of the 7 days ending each counted day ÷ 20 (paused 18–20 and skipped 24 leave it):
    // 04: 5 · 05: 5 · 06: 11 · 07: 11 · 08: 14.3 · 09: 24.3 · 10: 24.3 · 11: 19.3 · 12: 19.3 ·
    // 13: 13.3 · 14: 23.299 · 15: 19.999 · 16: 15.999 · 17: 20.999 · 21: 11.429 (18 paused) ·
    // 22: 11.429 · 23: 12.429 · 25: 7.429 · 26: 17.572.
    expect(stats.strength).toBeCloseTo(
      100 *
        fold(
          0,
          [
            0.25, 0.25, 0.55, 0.55, 0.715, 1, 1, 0.965, 0.965, 0.665, 1, 0.99995, 0.79995, 1,
            0.57145, 0.57145, 0.62145, 0.37145, 0.8786,
          ],
        ),
      9,
    );
  });

  it('the current week is pending until reached', () => {
    const stats = computeHabitStats(running, '2026-03-25');
    expect(stats).toMatchObject({
      currentStreak: 1, // W3; W4 pending (7 of 17.143)
      totalCompletions: 2,
      lastCompletedDate: '2026-03-21',
      consistencyScore: 67, // W1, W3 met, W2 failed; W4 pending is left out
      failureRate: 0.3333,
      period: { total: 7, target: 17.143, outcome: 'pending' },
    });
  });

  it('heatmap: every counted day shows its week; progress is the week total ÷ target', () => {
    expect(heatmap(running, '2026-03-26', '2026-03-03', '2026-03-04')).toEqual([
      { date: '2026-03-03', status: 'not_due', value: null, progress: null }, // before start
      { date: '2026-03-04', status: 'done', value: 5, progress: 1 },
    ]);
    expect(heatmap(running, '2026-03-26', '2026-03-13', '2026-03-18')).toEqual([
      { date: '2026-03-13', status: 'missed', value: null, progress: 0.9999 }, // 19.999/20
      { date: '2026-03-14', status: 'missed', value: 9.999, progress: 0.9999 },
      { date: '2026-03-15', status: 'missed', value: null, progress: 0.9999 },
      { date: '2026-03-16', status: 'done', value: 6, progress: 1 },
      { date: '2026-03-17', status: 'done', value: 5, progress: 1 },
      { date: '2026-03-18', status: 'paused', value: 10, progress: null },
    ]);
    expect(heatmap(running, '2026-03-25', '2026-03-24', '2026-03-26')).toEqual([
      { date: '2026-03-24', status: 'skipped', value: null, progress: null },
      { date: '2026-03-25', status: 'pending', value: null, progress: 0.4083 }, // 7/17.143
      { date: '2026-03-26', status: 'pending', value: null, progress: 0.4083 }, // its 10.143 is after today
    ]);
  });
});

describe('at most 10 drinks a week, from Mon 03-02, paused Sat–Sun of W3', () => {
  const drinks = measurable({
    start: '2026-03-02',
    unit: 'drinks',
    target: target('at_most', 10, 'week'),
    pauses: [{ from: '2026-03-21', to: '2026-03-22' }],
    logs: valuesOn({
      '2026-03-02': 3,
      '2026-03-04': 4,
      '2026-03-06': 2,
      '2026-03-09': 6,
      '2026-03-12': 5,
      '2026-03-16': 7.142,
      '2026-03-21': 1, // paused: never counts
      '2026-03-23': 8,
      '2026-03-24': 3,
    }),
  });
  // W1: 9 ≤ 10 met (dated Sun 08) · W2: 11 failed · W3: a = 5 → 10 × 5/7 = 7.1428… → floor
  // 7.142; total 7.142 → met (dated Sun 22) · W4 (today Wed 03-25): 11 > 10 → failed already.

  it('a limit week fails as soon as it is over, but risk waits until it is past', () => {
    const stats = computeHabitStats(drinks, '2026-03-25');
    expect(stats).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      totalCompletions: 2,
      lastCompletedDate: '2026-03-22',
      consecutiveMisses: 0, // W4 is not past yet
      status: 'active',
      consistencyScore: 67, // W1, W3 met, W2 failed; a failed current week is left out
      failureRate: 0.3333,
      period: {
        start: '2026-03-23',
        end: '2026-03-29',
        total: 11,
        target: 10,
        outcome: 'failed',
      },
    });
    // v = clamp(1 − (S − 10)/10, 0, 1) from 1, days 02–20, 23–25 (21, 22 paused). S:
    // 02–08: ≤ 9 → 1 (7 days) · 09: 12 · 10: 12 · 11: 8 · 12: 13 · 13: 11 · 14: 11 · 15: 11 ·
    // 16: 12.142 · 17: 12.142 · 18: 12.142 · 19: 7.142 · 20: 7.142 · 23: 8 · 24: 11 · 25: 11.
    expect(stats.strength).toBeCloseTo(
      100 *
        fold(
          1,
          [
            1, 1, 1, 1, 1, 1, 1, 0.8, 0.8, 1, 0.7, 0.9, 0.9, 0.9, 0.7858, 0.7858, 0.7858, 1, 1, 1,
            0.9, 0.9,
          ],
        ),
      9,
    );
  });

  it('once past, the failed week is a miss; a clean week meets it again', () => {
    expect(computeHabitStats(drinks, '2026-03-30')).toMatchObject({
      consecutiveMisses: 1,
      currentStreak: 0,
    });
    // W5 (03-30..04-05) has no logs: 0 ≤ 10, met once past.
    expect(computeHabitStats(drinks, '2026-04-06')).toMatchObject({
      consecutiveMisses: 0,
      currentStreak: 1,
      lastCompletedDate: '2026-04-05',
    });
  });

  it('two failed weeks in a row: at risk', () => {
    const h = measurable({
      start: '2026-03-02',
      target: target('at_most', 10, 'week'),
      logs: valuesOn({ '2026-03-03': 11, '2026-03-10': 10.001 }),
    });
    expect(computeHabitStats(h, '2026-03-16')).toMatchObject({
      consecutiveMisses: 2,
      status: 'at_risk',
      consistencyScore: 0,
      failureRate: 1,
    });
  });
});

describe('a DST week: logs from instants in Europe/Berlin (clocks jump on Sun 2026-03-29)', () => {
  // At least 10 km a week from Mon 03-16. Each add is an instant; its local day (dayStartHour
  // 0) decides the week. W4 = 03-23..03-29 has 7 local days although its Sunday lasts 23 hours.
  const adds: [string, number][] = [
    ['2026-03-18T12:00:00Z', 10], // Wed 03-18 (W3)
    ['2026-03-22T23:30:00Z', 3], // Mon 03-23 00:30 CET (UTC+1): W4, though 03-22 in UTC
    ['2026-03-29T00:30:00Z', 4], // Sun 03-29 01:30 CET, before the jump
    ['2026-03-29T21:30:00Z', 2.5], // Sun 03-29 23:30 CEST (UTC+2), after it
    ['2026-03-29T21:45:00Z', 0.5], // a second quick add the same local day
    ['2026-03-29T22:30:00Z', 5], // Mon 03-30 00:30 CEST: W5, though 03-29 in UTC
  ];
  const logs = new Map<LocalDate, number>();
  for (const [instant, add] of adds) {
    const day = userDayOf(new Date(instant), 'Europe/Berlin', 0);
    logs.set(day, addMeasureValues(logs.get(day) ?? null, add)!);
  }
  const km = measurable({
    start: '2026-03-16',
    target: target('at_least', 10, 'week'),
    logs: [...logs].map(([date, value]): HabitLogEntry => ({ date, status: 'done', value })),
  });

  it('the instants land on local days', () => {
    expect(Object.fromEntries(logs)).toEqual({
      '2026-03-18': 10,
      '2026-03-23': 3,
      '2026-03-29': 7, // 4 + 2.5 + 0.5
      '2026-03-30': 5,
    });
  });

  it('W4 sums its 7 local days to 10 and is met; W5 is pending', () => {
    expect(computeHabitStats(km, '2026-03-30')).toMatchObject({
      currentStreak: 2, // W3, W4
      totalCompletions: 2,
      lastCompletedDate: '2026-03-29',
      period: {
        start: '2026-03-30',
        end: '2026-04-05',
        total: 5,
        target: 10,
        outcome: 'pending',
      },
    });
    // Judged in UTC days the 3 would have gone to W3 and W4 would hold 4 + 2.5 + 0.5 + 5 = 12.
    expect(heatmap(km, '2026-03-30', '2026-03-29', '2026-03-30')).toEqual([
      { date: '2026-03-29', status: 'done', value: 7, progress: 1 },
      { date: '2026-03-30', status: 'pending', value: 5, progress: 0.5 },
    ]);
  });
});

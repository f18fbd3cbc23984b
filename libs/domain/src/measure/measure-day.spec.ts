import { computeHabitStats } from '../stats/habit-stats';
import { heatmap } from '../stats/heatmap';
import { measurable, onWeekdays, target, valuesFrom } from '../testing/habit-fixtures';

// Period `day` (SPEC §6), March 2026: 03-02 is a Monday. Strength updates on due days with
// f = 1, so m = 0.5^(1/13), and a day with value v moves the score s to s × m + v × (1 − m).
const m = 0.5 ** (1 / 13);
const fold = (start: number, values: number[]) =>
  values.reduce((score, v) => score * m + v * (1 - m), start);

describe('period day, at least 8 glasses a day (daily from Mon 03-02)', () => {
  // 02: 8 met · 03: 10 met · 04: 5 failed · 05: unlogged, failed · 06: 8 met · 07: skipped,
  // neutral · 08: 8.5 met · 09 (today): 3, pending.
  const glasses = measurable({
    start: '2026-03-02',
    unit: 'glasses',
    target: target('at_least', 8, 'day'),
    logs: valuesFrom('2026-03-02', [8, 10, 5, null, 8, 'S', 8.5, 3]),
  });

  it('a pending today: streak of met days, skips transparent, failed days break it', () => {
    const stats = computeHabitStats(glasses, '2026-03-09');
    expect(stats).toMatchObject({
      currentStreak: 2, // 06, (07 skipped), 08; today pending
      longestStreak: 2, // 02, 03
      streakUnit: 'day',
      totalCompletions: 4, // 02, 03, 06, 08
      totalSkips: 1,
      lastCompletedDate: '2026-03-08',
      consecutiveMisses: 0, // nothing failed after 08
      status: 'active',
      consistencyScore: 67, // judged 02, 03, 04, 05, 06, 08: 4 met of 6 = 66.7
      failureRate: 0.3333, // 2 failed / 6
      dueToday: true,
      nextDueDate: '2026-03-09',
      week: null,
      period: { start: '2026-03-09', end: '2026-03-09', total: 3, target: 8, outcome: 'pending' },
    });
    // Partial credit: 04 gives 5/8 = 0.625; 05 gives 0; 07 (skip) and 09 (pending) leave it.
    expect(stats.strength).toBeCloseTo(100 * fold(0, [1, 1, 0.625, 0, 1, 1]), 9);
  });

  it('reaching the target today counts at once', () => {
    const met = {
      ...glasses,
      logs: [
        ...glasses.logs.filter((l) => l.date !== '2026-03-09'),
        { date: '2026-03-09', status: 'done' as const, value: 8 },
      ],
    };
    const stats = computeHabitStats(met, '2026-03-09');
    expect(stats).toMatchObject({
      currentStreak: 3,
      totalCompletions: 5,
      lastCompletedDate: '2026-03-09',
      consistencyScore: 71, // 5 of 7 = 71.4
      failureRate: 0.2857, // 2 / 7
      period: { total: 8, target: 8, outcome: 'met' },
    });
    expect(stats.strength).toBeCloseTo(100 * fold(0, [1, 1, 0.625, 0, 1, 1, 1]), 9);
  });

  it('two failed days after the latest met one put it at risk', () => {
    // 02: 8 met · 03: 7.999 failed · 04: unlogged failed · today 05 unlogged (pending).
    const h = measurable({
      start: '2026-03-02',
      target: target('at_least', 8, 'day'),
      logs: valuesFrom('2026-03-02', [8, 7.999]),
    });
    expect(computeHabitStats(h, '2026-03-05')).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      consecutiveMisses: 2,
      status: 'at_risk',
    });
  });

  it('heatmap cells carry the value and total ÷ target', () => {
    expect(heatmap(glasses, '2026-03-09', '2026-03-01', '2026-03-10')).toEqual([
      { date: '2026-03-01', status: 'not_due', value: null, progress: null }, // before start
      { date: '2026-03-02', status: 'done', value: 8, progress: 1 },
      { date: '2026-03-03', status: 'done', value: 10, progress: 1 }, // capped at 1
      { date: '2026-03-04', status: 'missed', value: 5, progress: 0.625 },
      { date: '2026-03-05', status: 'missed', value: null, progress: 0 },
      { date: '2026-03-06', status: 'done', value: 8, progress: 1 },
      { date: '2026-03-07', status: 'skipped', value: null, progress: null },
      { date: '2026-03-08', status: 'done', value: 8.5, progress: 1 },
      { date: '2026-03-09', status: 'pending', value: 3, progress: 0.375 },
      { date: '2026-03-10', status: 'pending', value: null, progress: 0 }, // a future due day
    ]);
  });
});

describe('period day, at most 2 coffees a day (daily from Mon 03-02)', () => {
  // 02: 1 met · 03: 3 failed · 04: unlogged counts 0, met · 05: 2 met (= target) · 06: 4
  // failed · 07 (today): 1, pending (not over yet).
  const coffees = measurable({
    start: '2026-03-02',
    unit: 'coffees',
    target: target('at_most', 2, 'day'),
    logs: valuesFrom('2026-03-02', [1, 3, null, 2, 4, 1]),
  });
  // v = clamp(1 − (S − 2) / 2, 0, 1): S ≤ 2 → 1, S = 3 → 0.5, S = 4 → 0. The score starts at 1.

  it('past days over the limit fail; unlogged ones are met', () => {
    const stats = computeHabitStats(coffees, '2026-03-07');
    expect(stats).toMatchObject({
      currentStreak: 0, // 06 failed, today pending
      longestStreak: 2, // 04, 05
      totalCompletions: 3, // 02, 04, 05
      lastCompletedDate: '2026-03-05',
      consecutiveMisses: 1, // 06
      status: 'active',
      consistencyScore: 60, // 3 met of 5 judged
      failureRate: 0.4,
      period: { start: '2026-03-07', end: '2026-03-07', total: 1, target: 2, outcome: 'pending' },
    });
    expect(stats.strength).toBeCloseTo(100 * fold(1, [1, 0.5, 1, 1, 0]), 9);
  });

  it('today fails as soon as the total passes the limit (not yet a past miss)', () => {
    const over = {
      ...coffees,
      logs: [
        ...coffees.logs.filter((l) => l.date !== '2026-03-07'),
        { date: '2026-03-07', status: 'done' as const, value: 3 },
      ],
    };
    const stats = computeHabitStats(over, '2026-03-07');
    expect(stats).toMatchObject({
      currentStreak: 0,
      consecutiveMisses: 1, // today's failure counts for risk once it is past
      consistencyScore: 50, // a failed today is judged: 3 met of 6
      failureRate: 0.5,
      period: { total: 3, target: 2, outcome: 'failed' },
    });
    expect(stats.strength).toBeCloseTo(100 * fold(1, [1, 0.5, 1, 1, 0, 0.5]), 9);
    // As of the next day, 06 and 07 are two failed days after 05: at risk.
    expect(computeHabitStats(over, '2026-03-08')).toMatchObject({
      consecutiveMisses: 2,
      status: 'at_risk',
    });
  });

  it('with no logs at all every past day is met and strength stays 100', () => {
    const none = measurable({ start: '2026-03-02', target: target('at_most', 2, 'day') });
    const stats = computeHabitStats(none, '2026-03-09');
    expect(stats).toMatchObject({
      currentStreak: 7, // 02..08; today pending
      longestStreak: 7,
      totalCompletions: 7,
      lastCompletedDate: '2026-03-08',
      consistencyScore: 100,
      failureRate: 0,
      consecutiveMisses: 0,
      period: { start: '2026-03-09', end: '2026-03-09', total: 0, target: 2, outcome: 'pending' },
    });
    expect(stats.strength).toBeCloseTo(100, 9); // starts at 1, every v = 1
  });

  it('a limit of 0: any value fails, nothing logged is met', () => {
    // 02: 0 met · 03: 0.001 failed · 04: unlogged met; today 05. v = 1 if S = 0 else 0.
    const zero = measurable({
      start: '2026-03-02',
      target: target('at_most', 0, 'day'),
      logs: valuesFrom('2026-03-02', [0, 0.001]),
    });
    const stats = computeHabitStats(zero, '2026-03-05');
    expect(stats).toMatchObject({
      currentStreak: 1,
      longestStreak: 1,
      totalCompletions: 2,
      consistencyScore: 67, // 2 of 3
      period: { total: 0, target: 0, outcome: 'pending' },
    });
    expect(stats.strength).toBeCloseTo(100 * fold(1, [1, 0, 1]), 9);
    expect(heatmap(zero, '2026-03-05', '2026-03-02', '2026-03-04')).toEqual([
      { date: '2026-03-02', status: 'done', value: 0, progress: 0 },
      { date: '2026-03-03', status: 'missed', value: 0.001, progress: 1 },
      { date: '2026-03-04', status: 'done', value: null, progress: 0 },
    ]);
  });
});

describe('period day follows a custom schedule: at least 30 minutes on Mon, Wed, Fri', () => {
  // Mon 02: 30 met · Tue 03: 45 (not due, met: counts in totals only) · Wed 04: 20 failed ·
  // Thu 05: 10 (not due, not met: nothing) · Fri 06: unlogged, failed · Mon 09 (today) pending.
  const reading = measurable({
    start: '2026-03-02',
    unit: 'minutes',
    target: target('at_least', 30, 'day'),
    schedules: [onWeekdays('2026-03-02', [1, 3, 5])],
    logs: valuesFrom('2026-03-02', [30, 45, 20, 10]),
  });

  it('judges due days only; a met non-due day is a completion', () => {
    const stats = computeHabitStats(reading, '2026-03-09');
    expect(stats).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      consecutiveMisses: 2, // Wed 04, Fri 06
      status: 'at_risk',
      totalCompletions: 2, // Mon 02, Tue 03
      lastCompletedDate: '2026-03-03',
      consistencyScore: 33, // due 02, 04, 06: 1 of 3
      failureRate: 0.6667,
      dueToday: true,
      nextDueDate: '2026-03-09',
    });
    // Due days only: 02 → 1, 04 → 20/30, 06 → 0; 09 pending.
    expect(stats.strength).toBeCloseTo(100 * fold(0, [1, 2 / 3, 0]), 9);
  });

  it('heatmap: non-due days are done only when met, not_due otherwise', () => {
    expect(heatmap(reading, '2026-03-09', '2026-03-02', '2026-03-09')).toEqual([
      { date: '2026-03-02', status: 'done', value: 30, progress: 1 },
      { date: '2026-03-03', status: 'done', value: 45, progress: 1 },
      { date: '2026-03-04', status: 'missed', value: 20, progress: 0.6666 }, // floored
      { date: '2026-03-05', status: 'not_due', value: 10, progress: 0.3333 },
      { date: '2026-03-06', status: 'missed', value: null, progress: 0 },
      { date: '2026-03-07', status: 'not_due', value: null, progress: null },
      { date: '2026-03-08', status: 'not_due', value: null, progress: null },
      { date: '2026-03-09', status: 'pending', value: null, progress: 0 },
    ]);
  });

  it('a paused due day is neutral and its value does not count', () => {
    // Pause Wed 03-04 (its 20 no longer counts): due days judged 02 met, 06 failed.
    const paused = { ...reading, pauses: [{ from: '2026-03-04', to: '2026-03-04' }] };
    expect(computeHabitStats(paused, '2026-03-09')).toMatchObject({
      consecutiveMisses: 1,
      consistencyScore: 50,
    });
    expect(heatmap(paused, '2026-03-09', '2026-03-04', '2026-03-04')).toEqual([
      { date: '2026-03-04', status: 'paused', value: 20, progress: null },
    ]);
  });
});

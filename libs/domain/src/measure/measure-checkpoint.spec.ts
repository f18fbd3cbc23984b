import {
  advanceCheckpoint,
  checkpointHabit,
  invalidateCheckpoint,
  statsFromCheckpoint,
} from '../incremental/habit-checkpoint';
import { isNudgeDue } from '../nudges/nudge-rule';
import { consistencyAsOf, monthlyTotals, weeklyTotals } from '../stats/aggregates';
import { computeHabitStats } from '../stats/habit-stats';
import { measurable, target, valuesFrom, valuesOn } from '../testing/habit-fixtures';

const m7 = 0.5 ** (Math.sqrt(1 / 7) / 13);

describe('the checkpoint of a measurable habit (same shape, unit = period)', () => {
  // At least 10 a week from Mon 03-02: W1 4 (Mon) + 6 (Wed) = 10 → met on Wed 03-04;
  // W2 10 on Tue 03-10 → met.
  const h = measurable({
    start: '2026-03-02',
    target: target('at_least', 10, 'week'),
    logs: valuesOn({ '2026-03-02': 4, '2026-03-04': 6, '2026-03-10': 10 }),
  });

  it('a week is folded on its Sunday', () => {
    expect(checkpointHabit(h, '2026-03-07')).toMatchObject({
      through: '2026-03-07',
      segmentFrom: null,
      unit: 'week',
      run: 0,
      totalCompletions: 0,
    });
    const sunday = checkpointHabit(h, '2026-03-08');
    expect(sunday).toMatchObject({
      run: 1,
      longest: 1,
      misses: 0,
      totalCompletions: 1,
      lastCompletedDate: '2026-03-04',
    });
    // S ÷ 10 each day: 02: 4 · 03: 4 · 04..08: 10.
    const expected = [0.4, 0.4, 1, 1, 1, 1, 1].reduce((s, v) => s * m7 + v * (1 - m7), 0);
    expect(sunday.strengthScore).toBeCloseTo(expected, 12);
  });

  it('stats from a checkpoint equal the recomputation; a backfill refolds', () => {
    const early = checkpointHabit(h, '2026-03-03');
    expect(statsFromCheckpoint(early, h, '2026-03-11')).toEqual(computeHabitStats(h, '2026-03-11'));
    const sunday = checkpointHabit(h, '2026-03-08');
    // Deleting Wed 03-04 leaves W1 at 4 < 10: failed, a miss.
    const deleted = { ...h, logs: h.logs.filter((l) => l.date !== '2026-03-04') };
    const refolded = invalidateCheckpoint(sunday, deleted, '2026-03-04');
    expect(refolded).toMatchObject({ run: 0, misses: 1, totalCompletions: 0 });
    const advanced = advanceCheckpoint(refolded, deleted, '2026-03-15');
    expect(advanced).toMatchObject({ run: 1, misses: 0, totalCompletions: 1 });
    expect(statsFromCheckpoint(advanced, deleted, '2026-03-16')).toEqual(
      computeHabitStats(deleted, '2026-03-16'),
    );
  });

  it('a checkpoint from before startDate is not trusted for its initial score', () => {
    // Created today 03-02 as at least 10 a day (the empty checkpoint holds score 0), then made
    // at most 10 a day the same day: its score starts at 1, so today's strength is 100.
    const fresh = measurable({ start: '2026-03-02', target: target('at_least', 10, 'day') });
    const empty = checkpointHabit(fresh, '2026-03-01');
    const limit = { ...fresh, target: target('at_most', 10, 'day') };
    expect(invalidateCheckpoint(empty, limit, '2026-03-02')).toBe(empty); // nothing folded yet
    expect(statsFromCheckpoint(empty, limit, '2026-03-02').strength).toBe(100);
  });

  it('a checkpoint of another period is refolded, not advanced', () => {
    const weekCheckpoint = checkpointHabit(h, '2026-03-08');
    const asDays = { ...h, target: target('at_least', 10, 'day') };
    expect(advanceCheckpoint(weekCheckpoint, asDays, '2026-03-10')).toEqual(
      checkpointHabit(asDays, '2026-03-10'),
    );
    expect(statsFromCheckpoint(weekCheckpoint, asDays, '2026-03-09')).toEqual(
      computeHabitStats(asDays, '2026-03-09'),
    );
  });
});

describe('nudges for measurable habits', () => {
  // At least 8 a day, created Mon 03-02: 02 met, 03 (5) failed, 04 unlogged failed; today 05.
  const glasses = measurable({
    start: '2026-03-02',
    target: target('at_least', 8, 'day'),
    logs: valuesFrom('2026-03-02', [8, 5]),
  });

  it('the last 2 past due days failed and nothing is logged today: nudge', () => {
    expect(isNudgeDue(glasses, '2026-03-05')).toBe(true);
    const withLog = (date: string, entry: number | 'S') => ({
      ...glasses,
      logs: [...glasses.logs, ...valuesOn({ [date]: entry })],
    });
    expect(isNudgeDue(withLog('2026-03-05', 1), '2026-03-05')).toBe(false); // logged today
    expect(isNudgeDue(withLog('2026-03-05', 'S'), '2026-03-05')).toBe(false); // skipped today
    expect(isNudgeDue(withLog('2026-03-04', 8), '2026-03-05')).toBe(false); // 04 met
    expect(isNudgeDue(glasses, '2026-03-03')).toBe(false); // created < 2 days ago
  });

  it('weeks: the last 2 past weeks failed and the current one is not met', () => {
    // At most 10 a week from Mon 03-02: W1 11, W2 12 → failed; today Wed 03-18.
    const drinks = measurable({
      start: '2026-03-02',
      target: target('at_most', 10, 'week'),
      logs: valuesOn({ '2026-03-03': 11, '2026-03-10': 12 }),
    });
    expect(isNudgeDue(drinks, '2026-03-18')).toBe(true);
    expect(isNudgeDue(drinks, '2026-03-12')).toBe(false); // only W1 is past
    // At least 10 a week, same logs: W1 and W2 met → no nudge.
    expect(isNudgeDue({ ...drinks, target: target('at_least', 10, 'week') }, '2026-03-18')).toBe(
      false,
    );
  });
});

describe('aggregates of measurable habits', () => {
  it('period day: met vs judged due days per week and month; consistency as of a day', () => {
    // At least 8 from Mon 03-02: 02 met, 03 met, 04 failed, 05 failed, 06 met, 07 skipped,
    // 08 met; 09 (today) pending.
    const h = measurable({
      start: '2026-03-02',
      target: target('at_least', 8, 'day'),
      logs: valuesFrom('2026-03-02', [8, 10, 5, null, 8, 'S', 8.5]),
    });
    expect(weeklyTotals(h, '2026-03-09', 2)).toEqual([
      { periodStart: '2026-03-02', done: 4, expected: 6 },
      { periodStart: '2026-03-09', done: 0, expected: 0 },
    ]);
    expect(monthlyTotals(h, '2026-03-09', 1)).toEqual([
      { periodStart: '2026-03-01', done: 4, expected: 6 },
    ]);
    expect(consistencyAsOf(h, '2026-03-09')).toBe(67);
    // As of 03-04, that day's 5 < 8 is still pending: 02 and 03 judged, both met.
    expect(consistencyAsOf(h, '2026-03-04')).toBe(100);
  });

  it('period week: each week once, in the bucket of its first counted day', () => {
    // At least 10 a week from Wed 03-04: W1 (from 03-04) 10 met; W2 failed; W3 met (current).
    const h = measurable({
      start: '2026-03-04',
      target: target('at_least', 10, 'week'),
      logs: valuesOn({ '2026-03-04': 10, '2026-03-10': 3, '2026-03-16': 10 }),
    });
    expect(weeklyTotals(h, '2026-03-17', 3)).toEqual([
      { periodStart: '2026-03-02', done: 1, expected: 1 },
      { periodStart: '2026-03-09', done: 0, expected: 1 },
      { periodStart: '2026-03-16', done: 1, expected: 1 },
    ]);
    expect(monthlyTotals(h, '2026-03-17', 2)).toEqual([
      { periodStart: '2026-02-01', done: 0, expected: 0 },
      { periodStart: '2026-03-01', done: 2, expected: 3 },
    ]);
  });
});

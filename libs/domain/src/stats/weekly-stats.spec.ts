import { heatmap } from './heatmap';
import { computeHabitStats } from './habit-stats';
import { habit, logsFrom, weekly } from '../testing/habit-fixtures';
import { isDue, nextDueDate, weekProgress } from '../habit/due';

// Weekly habits. ISO weeks of March 2026: W1 = Mon 03-02..Sun 03-08, W2 = 03-09..03-15,
// W3 = 03-16..03-22, W4 = 03-23..03-29. quota = max(0, ceil(n × a / 7) − s).
const m1 = 0.5 ** (Math.sqrt(1 / 7) / 13); // strength multiplier for 1/week

describe('weekly 3/week from Mon 03-02', () => {
  // W1: done Mon, Wed, Fri → 3 ≥ 3 met. W2: done Mon only → failed. W3 (today Wed 03-18):
  // done Mon, Tue → 2 < 3, pending.
  const base = habit({
    start: '2026-03-02',
    schedules: [weekly('2026-03-02', 3)],
    logs: logsFrom('2026-03-02', 'D.D.D.. D...... DD'),
  });

  it('a failed week breaks the streak; the open week is pending', () => {
    expect(computeHabitStats(base, '2026-03-18')).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      streakUnit: 'week',
      consecutiveMisses: 1, // W2 failed after the last met week W1
      status: 'active',
      // Past 4 weeks: W2 (quota 3, done 1), W1 (3, 3), two weeks before start (quota 0).
      // expected = 3 + 3 + min(3, 2) = 8; completions = 1 + 3 + 2 = 6 → 75.
      consistencyScore: 75,
      // failure = (3 − 1) / ((3 − 1) + (1 + 3)) = 2/6.
      failureRate: 0.3333,
      week: { done: 2, quota: 3 },
      dueToday: true, // 2 done before Wednesday, quota 3
      nextDueDate: '2026-03-18', // quota still open
    });
  });

  it('meeting the current quota counts at once and closes the week for nextDueDate', () => {
    const met = { ...base, logs: [...base.logs, { date: '2026-03-18', status: 'done' as const }] };
    expect(computeHabitStats(met, '2026-03-18')).toMatchObject({
      currentStreak: 1,
      longestStreak: 1,
      consecutiveMisses: 0,
      week: { done: 3, quota: 3 },
      nextDueDate: '2026-03-23', // the first day of the next week
    });
    expect(isDue(met, '2026-03-19')).toBe(false); // quota reached: Thursday is not due
    expect(isDue(met, '2026-03-18')).toBe(true); // Wednesday was due (2 done before it)
  });

  it('two failed weeks in a row put it at risk, met current week restores it', () => {
    // W1 met, W2 failed, W3 failed (1 done), today Mon 03-23 of W4.
    const h = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 3)],
      logs: logsFrom('2026-03-02', 'D.D.D.. D...... D......'),
    });
    expect(computeHabitStats(h, '2026-03-23')).toMatchObject({
      consecutiveMisses: 2,
      status: 'at_risk',
    });
    const h1 = { ...h, schedules: [weekly('2026-03-02', 1)] };
    // With 1/week: W1, W2, W3 all met; W4 pending today → streak 3, no misses.
    expect(computeHabitStats(h1, '2026-03-23')).toMatchObject({
      currentStreak: 3,
      consecutiveMisses: 0,
    });
    const restored = { ...h, logs: [...h.logs, ...logsFrom('2026-03-23', 'DDD')] };
    // As of Wed 03-25, W4 has 3 dones: met, so the latest met week is the current one.
    expect(computeHabitStats(restored, '2026-03-25')).toMatchObject({
      consecutiveMisses: 0,
      status: 'active',
      currentStreak: 1,
    });
  });

  it('heatmap: missed in a failed past week, not_due in a met one, pending this week', () => {
    const cells = heatmap(base, '2026-03-18', '2026-03-02', '2026-03-22').map((d) => d.status[0]);
    // d = done, n = not_due, m = missed, p = pending
    expect(cells.join('')).toBe(['dndndnn', 'dmmmmmm', 'ddppppp'].join(''));
  });
});

describe('weekly quotas: mid-week start, week ends, skips, pauses', () => {
  it.each([
    // [name, start, pattern from start, today, currentStreak, longestStreak, misses, week]
    // Start Thu 03-05: a = 4 → quota ceil(3·4/7) = 2; done Thu, Sat → met.
    [
      'start mid-week, quota prorated and met',
      '2026-03-05',
      'D.D.',
      '2026-03-08',
      1,
      1,
      0,
      { done: 2, quota: 2 },
    ],
    // Only 1 done in that partial week; as of Mon 03-09 it failed.
    [
      'start mid-week, partial week failed',
      '2026-03-05',
      'D...',
      '2026-03-09',
      0,
      0,
      1,
      { done: 0, quota: 3 },
    ],
    // Start Sun 03-08: a = 1 → quota ceil(3/7) = 1; a Sunday done meets it; W2 full quota 3.
    ['start on a Sunday', '2026-03-08', 'D DDD', '2026-03-11', 2, 2, 0, { done: 3, quota: 3 }],
    // Skips lower the quota: W1 'SSD' → 3 − 2 = 1, done 1 → met.
    ['two skips, one done', '2026-03-02', 'SSD....', '2026-03-09', 1, 1, 0, { done: 0, quota: 3 }],
    // W1 met, W2 three skips and nothing done → quota 0, neutral (transparent), W3 met.
    [
      'a neutral week is transparent',
      '2026-03-02',
      'DDD.... SSS.... DDD',
      '2026-03-18',
      2,
      2,
      0,
      { done: 3, quota: 3 },
    ],
    // The current week with quota 0 after skips and no done: neutral, not pending.
    [
      'current week all skipped',
      '2026-03-02',
      'DDD.... SSS',
      '2026-03-11',
      1,
      1,
      0,
      { done: 0, quota: 0 },
    ],
    // Four skips: ceil(3) − 4 < 0 → quota 0, and one done makes the week met.
    [
      'more skips than quota',
      '2026-03-02',
      'SSSSD..',
      '2026-03-09',
      1,
      1,
      0,
      { done: 0, quota: 3 },
    ],
  ])('%s', (_name, start, pattern, today, current, longest, misses, week) => {
    const h = habit({ start, schedules: [weekly(start, 3)], logs: logsFrom(start, pattern) });
    expect(computeHabitStats(h, today)).toMatchObject({
      currentStreak: current,
      longestStreak: longest,
      consecutiveMisses: misses,
      week,
    });
  });

  it('paused days shrink a: paused Wed–Sun of W1 → a = 2, quota ceil(6/7) = 1', () => {
    const h = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 3)],
      pauses: [{ from: '2026-03-04', to: '2026-03-08' }],
      logs: logsFrom('2026-03-02', 'D'),
    });
    expect(weekProgress(h, '2026-03-03')).toEqual({ done: 1, quota: 1 });
    expect(computeHabitStats(h, '2026-03-09')).toMatchObject({
      currentStreak: 1,
      consecutiveMisses: 0,
    });
    // A done on a paused day (Thu) does not count in the week's done (same days as a).
    const withPausedDone = { ...h, logs: logsFrom('2026-03-02', '...D') };
    expect(weekProgress(withPausedDone, '2026-03-05')).toEqual({ done: 0, quota: 1 });
    expect(computeHabitStats(withPausedDone, '2026-03-09')).toMatchObject({
      currentStreak: 0,
      consecutiveMisses: 1, // W1 failed: 0 of 1
      totalCompletions: 1, // but it counts in totals
    });
  });

  it('a week is judged by the timesPerWeek in force on its last day', () => {
    // 1/week until Tue 03-03, 3/week from Wed 03-04; done Mon only → W1 quota 3 → failed.
    const h = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 1), weekly('2026-03-04', 3)],
      logs: logsFrom('2026-03-02', 'D'),
    });
    expect(computeHabitStats(h, '2026-03-03')).toMatchObject({
      currentStreak: 1,
      week: { done: 1, quota: 1 },
    });
    expect(computeHabitStats(h, '2026-03-09')).toMatchObject({
      currentStreak: 0,
      consecutiveMisses: 1,
    });
  });

  it('nextDueDate skips a fully paused next week', () => {
    // W1 met as of Wed 03-04 (1/week, done Mon); W2 paused entirely → next due Mon 03-16.
    const h = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 1)],
      pauses: [{ from: '2026-03-09', to: '2026-03-15' }],
      logs: logsFrom('2026-03-02', 'D'),
    });
    expect(nextDueDate(h, '2026-03-04')).toBe('2026-03-16');
  });

  it('weekly strength: f = n/7, value = min(1, done in the last 7 days / n), today included', () => {
    // 1/week, done Mon 03-02; as of Wed 03-04: Mon, Tue, Wed each add value 1 with m1.
    const h = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 1)],
      logs: logsFrom('2026-03-02', 'D'),
    });
    expect(computeHabitStats(h, '2026-03-04').strength).toBeCloseTo(100 * (1 - m1 ** 3), 9);
    // As of Mon 03-09 the done has left the 7-day window: Mon 03-09 adds value 0.
    expect(computeHabitStats(h, '2026-03-09').strength).toBeCloseTo(100 * (1 - m1 ** 7) * m1, 9);
  });
});

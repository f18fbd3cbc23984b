import { daily, everyNDays, habit, logsFrom, onWeekdays } from '../testing/habit-fixtures';
import { computeHabitStats } from '../stats/habit-stats';
import { dueToday, isDue, nextDueDate } from './due';

// 2026-03-02 is a Monday.
describe('custom weekdays (Mon/Wed/Fri from 03-02)', () => {
  const h = habit({ start: '2026-03-02', schedules: [onWeekdays('2026-03-02', [1, 3, 5])] });
  it.each([
    ['2026-03-01', false], // Sunday, and before startDate
    ['2026-03-02', true], // Mon
    ['2026-03-03', false], // Tue
    ['2026-03-04', true], // Wed
    ['2026-03-06', true], // Fri
    ['2026-03-08', false], // Sun
  ])('%s due: %p', (day, expected) => {
    expect(isDue(h, day)).toBe(expected);
  });

  it.each([
    ['2026-03-02', '2026-03-02'], // Monday itself
    ['2026-03-07', '2026-03-09'], // Saturday → next Monday
    ['2026-02-20', '2026-03-02'], // before startDate → the first due day
  ])('nextDueDate as of %s is %s', (today, expected) => {
    expect(nextDueDate(h, today)).toBe(expected);
  });
});

describe('every N days: the cycle counts from the version, forwards and backwards', () => {
  // Every 3 days from Wed 03-04; startDate backdated to Sun 03-01.
  // Cycle: …, 02-26, 03-01, 03-04, 03-07, 03-10, …
  const h = habit({
    start: '2026-03-01',
    createdOn: '2026-03-04',
    schedules: [everyNDays('2026-03-04', 3)],
  });
  it.each([
    ['2026-02-26', false], // on the cycle but before startDate
    ['2026-03-01', true], // 03-04 − 3
    ['2026-03-02', false],
    ['2026-03-04', true],
    ['2026-03-07', true],
    ['2026-03-09', false],
    ['2026-03-10', true],
  ])('%s due: %p', (day, expected) => {
    expect(isDue(h, day)).toBe(expected);
  });

  it('moving startDate earlier never shifts the cycle', () => {
    const earlier = { ...h, startDate: '2026-02-24' };
    expect(isDue(earlier, '2026-02-26')).toBe(true); // now on/after startDate
    expect(isDue(earlier, '2026-02-25')).toBe(false);
    expect(isDue(earlier, '2026-03-07')).toBe(true);
    expect(isDue(earlier, '2026-03-08')).toBe(false);
  });

  it('a second version restarts the cycle from its own day, leaving earlier days alone', () => {
    // Every 3 days from 03-04, then every 5 days from Tue 03-10: due 03-10, 03-15, 03-20.
    const edited = { ...h, schedules: [everyNDays('2026-03-04', 3), everyNDays('2026-03-10', 5)] };
    expect(
      ['2026-03-07', '2026-03-10', '2026-03-13', '2026-03-15', '2026-03-20'].map((d) =>
        isDue(edited, d),
      ),
    ).toEqual([
      true, // old cycle
      true, // new cycle starts
      false, // would have been due under every 3 days
      true,
      true,
    ]);
    expect(nextDueDate(edited, '2026-03-11')).toBe('2026-03-15');
    expect(dueToday(edited, '2026-03-13')).toBe(false);
  });

  it('statistics count only cycle days: done 03-01, 03-04, missed 03-07, done 03-10', () => {
    const logged = { ...h, logs: logsFrom('2026-03-01', 'D..D.....D') };
    // Due days up to 03-10: 03-01 D, 03-04 D, 03-07 missed, 03-10 D → run 1, longest 2.
    expect(computeHabitStats(logged, '2026-03-10')).toMatchObject({
      currentStreak: 1,
      longestStreak: 2,
      consistencyScore: 75, // 3 of 4
      nextDueDate: '2026-03-10',
    });
  });
});

describe('a schedule edit leaves past statistics unchanged', () => {
  // Daily from Mon 03-02, done every day 03-02..03-08.
  const m = 0.5 ** (1 / 13);
  const before = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'DDDDDDD DD') });

  it('statistics as of a day before the edit are the same with or without it', () => {
    // As of Sun 03-08 (before the edit on 03-09): 7-day run, 7 of 7, 1 − m^7.
    const expected = { currentStreak: 7, longestStreak: 7, consistencyScore: 100 };
    const edited = {
      ...before,
      schedules: [daily('2026-03-02'), onWeekdays('2026-03-09', [1, 3])],
    };
    expect(computeHabitStats(before, '2026-03-08')).toMatchObject(expected);
    expect(computeHabitStats(edited, '2026-03-08')).toMatchObject(expected);
    expect(computeHabitStats(edited, '2026-03-08').strength).toBeCloseTo(100 * (1 - m ** 7), 9);
  });

  it('daily → custom keeps the day streak; the days before the edit stay daily', () => {
    // Edit on Mon 03-09 to Mon/Wed; done 03-09, 03-10 (Tue, not due any more); today Wed 03-11
    // unlogged: run = 7 + 1 (03-09) = 8; Tue's done counts in totals only.
    const edited = {
      ...before,
      schedules: [daily('2026-03-02'), onWeekdays('2026-03-09', [1, 3])],
    };
    expect(computeHabitStats(edited, '2026-03-11')).toMatchObject({
      currentStreak: 8,
      streakUnit: 'day',
      totalCompletions: 9,
      consistencyScore: 100, // 03-02..03-08 daily (7) + 03-09 = 8 expected, today pending
      dueToday: true,
    });
  });

  it('daily → weekly starts a new current streak in weeks; the longest remembers the days', () => {
    // Edit on Wed 03-11 to 2/week: W(03-09) counts Wed..Sun, a = 5 → quota ceil(10/7) = 2.
    const edited = {
      ...before,
      schedules: [
        daily('2026-03-02'),
        {
          ...onWeekdays('2026-03-11', [1]),
          frequency: 'weekly' as const,
          daysOfWeek: null,
          timesPerWeek: 2,
        },
      ],
    };
    expect(computeHabitStats(edited, '2026-03-11')).toMatchObject({
      currentStreak: 0,
      longestStreak: 9, // 03-02..03-10 under daily
      streakUnit: 'week',
      week: { done: 0, quota: 2 }, // the dones of Mon/Tue were daily days
    });
  });
});

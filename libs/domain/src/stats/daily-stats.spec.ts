import { daily, habit, logsFrom, onWeekdays } from '../testing/habit-fixtures';
import { computeHabitStats, HabitStats } from './habit-stats';

// Daily and custom habits in March 2026: 03-02 is a Monday. m = 0.5^(1/13), so n dones from
// strength 0 give 100 × (1 − m^n) and a miss multiplies the score by m.
const m = 0.5 ** (1 / 13);
const strengthAfterDones = (n: number) => 100 * (1 - m ** n);

interface Case {
  name: string;
  pattern: string; // logs from 2026-03-02, one letter a day
  today: string;
  start?: string;
  createdOn?: string;
  expected: Partial<HabitStats>;
}

describe('daily habit statistics (start Mon 2026-03-02, zone-free local days)', () => {
  it.each<Case>([
    {
      // 8 dones 03-02..03-09, today 03-10 unlogged: pending today neither breaks nor counts.
      name: 'a pending today does not break the streak',
      pattern: 'DDDDDDDD',
      today: '2026-03-10',
      expected: {
        currentStreak: 8,
        longestStreak: 8,
        streakUnit: 'day',
        totalCompletions: 8,
        consecutiveMisses: 0,
        lastCompletedDate: '2026-03-09',
        consistencyScore: 100, // 8 expected (today excluded), 8 done
        failureRate: 0,
        status: 'active',
        dueToday: true,
        nextDueDate: '2026-03-10',
        week: null,
      },
    },
    {
      // 03-06 unlogged = missed. Run after it: 03-07..03-10 = 4. Window: 9 due days, 8 done.
      name: 'a missed day breaks the run',
      pattern: 'DDDD.DDDD',
      today: '2026-03-10',
      expected: {
        currentStreak: 4,
        longestStreak: 4,
        consistencyScore: 89, // 800/9 = 88.9
        failureRate: 0.1111, // 1/9
        consecutiveMisses: 0,
      },
    },
    {
      // Skips on 03-04/03-05 are transparent: 2 + 3 dones; expected 5 (skips excluded).
      name: 'skipped days neither break nor extend',
      pattern: 'DDSSDDD',
      today: '2026-03-08',
      expected: {
        currentStreak: 5,
        longestStreak: 5,
        totalSkips: 2,
        consistencyScore: 100,
        failureRate: 0,
      },
    },
    {
      // A 'missed' log today breaks the run but is not a past miss; expected 4, done 3.
      name: 'a missed log today breaks the streak but is not counted as a past miss',
      pattern: 'DDDM',
      today: '2026-03-05',
      expected: {
        currentStreak: 0,
        longestStreak: 3,
        consecutiveMisses: 0,
        consistencyScore: 75,
        failureRate: 0.25,
      },
    },
    {
      // 03-05 and 03-06 unlogged before today 03-07: 2 misses after the last done → at risk.
      name: 'two missed days put an active habit at risk',
      pattern: 'DDD..',
      today: '2026-03-07',
      expected: {
        currentStreak: 0,
        longestStreak: 3,
        consecutiveMisses: 2,
        status: 'at_risk',
        consistencyScore: 60, // 3 of 5
        failureRate: 0.4,
      },
    },
    {
      // Same, plus done today: the latest done is today, nothing missed after it.
      name: 'a done today restores active',
      pattern: 'DDD..D',
      today: '2026-03-07',
      expected: { currentStreak: 1, consecutiveMisses: 0, status: 'active', consistencyScore: 67 }, // 4/6
    },
    {
      // 03-06 (the latest missed day) backfilled as done: 03-05 lies before the latest done,
      // so 0 misses; the run is just 03-06.
      name: 'a backfill of the latest missed day restores active',
      pattern: 'DDD.D',
      today: '2026-03-07',
      expected: { currentStreak: 1, consecutiveMisses: 0, status: 'active' },
    },
    {
      // Latest done 03-03; 03-04..03-06 missed = 3, whatever is backfilled before 03-03.
      name: 'an old backfill (03-02) does not restore active',
      pattern: 'DD...',
      today: '2026-03-07',
      expected: { currentStreak: 0, longestStreak: 2, consecutiveMisses: 3, status: 'at_risk' },
    },
    {
      // Deleting the 03-04 log of 'DDDDD' leaves 'DD.DD': the run restarts after 03-04.
      name: 'a deleted log becomes a miss again',
      pattern: 'DD.DD',
      today: '2026-03-07',
      expected: { currentStreak: 2, longestStreak: 2, totalCompletions: 4, consistencyScore: 80 }, // 4/5
    },
    {
      // Created 03-05 with startDate 03-02: 03-02..03-04 unlogged count as misses.
      name: 'a backdated startDate makes its unlogged days misses',
      pattern: '',
      today: '2026-03-05',
      createdOn: '2026-03-05',
      expected: {
        currentStreak: 0,
        consecutiveMisses: 3,
        status: 'at_risk',
        consistencyScore: 0,
        failureRate: 1,
      },
    },
    {
      // Nothing expected yet: today is the first day and pending.
      name: 'first day, nothing logged: nulls, not zeros',
      pattern: '',
      today: '2026-03-02',
      expected: {
        consistencyScore: null,
        failureRate: null,
        strength: 0,
        currentStreak: 0,
        lastCompletedDate: null,
      },
    },
  ])('$name', ({ pattern, today, expected, start, createdOn }) => {
    const history = habit({
      start: start ?? '2026-03-02',
      createdOn,
      schedules: [daily(createdOn ?? '2026-03-02')],
      logs: logsFrom('2026-03-02', pattern),
    });
    expect(computeHabitStats(history, today)).toMatchObject(expected);
  });

  it.each([
    // [pattern, today, expected strength]
    ['DDDDDDDDDDDDD', '2026-03-15', 50], // the anchor: 13 dones from 0 give exactly 50
    ['DDDDDDDD', '2026-03-10', strengthAfterDones(8)], // today pending leaves it unchanged
    ['DDDD.DDDD', '2026-03-10', 100 * (1 - m ** 4 + m ** 5 - m ** 9)], // 4 done, miss (×m), 4 done
    ['DDSSDDD', '2026-03-08', strengthAfterDones(5)], // skips leave it unchanged
    ['DDDM', '2026-03-05', 100 * (1 - m ** 3) * m], // a missed log today updates with 0
  ])('strength of %s as of %s is %p', (pattern, today, expected) => {
    const history = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', pattern) });
    expect(computeHabitStats(history, today).strength).toBeCloseTo(expected, 9);
  });
});

describe('custom weekdays: logs on non-due days', () => {
  // Mon/Wed/Fri from Mon 03-02; done Mon 03-02, Tue 03-03 (not due), Wed 03-04; today Thu 03-05.
  const history = habit({
    start: '2026-03-02',
    schedules: [onWeekdays('2026-03-02', [1, 3, 5])],
    logs: logsFrom('2026-03-02', 'DDD'),
  });

  it('count in totals but never in streaks, consistency or strength', () => {
    expect(computeHabitStats(history, '2026-03-05')).toMatchObject({
      currentStreak: 2, // Mon, Wed
      totalCompletions: 3, // Tue included
      lastCompletedDate: '2026-03-04',
      consistencyScore: 100, // 2 due days, both done
      dueToday: false, // Thursday
      nextDueDate: '2026-03-06', // Friday
    });
    expect(computeHabitStats(history, '2026-03-05').strength).toBeCloseTo(strengthAfterDones(2), 9);
  });

  it('an unlogged non-due day is never a miss (Tue 03-10 as of Thu 03-12)', () => {
    // Mon 03-02 D, Wed 03-04 D, Fri 03-06 D, Mon 03-09 D, Wed 03-11 D; Tue/Thu/Sat/Sun unlogged.
    const sparse = habit({
      start: '2026-03-02',
      schedules: [onWeekdays('2026-03-02', [1, 3, 5])],
      logs: logsFrom('2026-03-02', 'D.D.D..D.D'),
    });
    expect(computeHabitStats(sparse, '2026-03-12')).toMatchObject({
      currentStreak: 5,
      consecutiveMisses: 0,
    });
  });
});

import { aHabit, aWeeklyHabit } from '../testing/habit.factory';
import { isOnToday, mergeList, mergeOne, PENDING_LOG_ID, withTodayLog } from './habit-snapshots';

describe('habit snapshots', () => {
  describe('versions', () => {
    it('ignores a snapshot whose version is not newer than the one held', () => {
      const held = aHabit({ version: 5, currentStreak: 3 });
      const same = { ...held, currentStreak: 99 };
      const older = { ...held, version: 4, currentStreak: 0 };
      const newer = { ...held, version: 6, currentStreak: 4 };
      expect(mergeOne([held], same)[0].currentStreak).toBe(3);
      expect(mergeOne([held], older)[0].currentStreak).toBe(3);
      expect(mergeOne([held], newer)[0].currentStreak).toBe(4);
    });

    it('takes a fresh list’s membership and order, each habit at its newest version', () => {
      const a = aHabit({ version: 3 });
      const b = aHabit({ version: 1 });
      const gone = aHabit();
      const merged = mergeList(
        [a, b, gone],
        [
          { ...b, version: 2 },
          { ...a, version: 2 },
        ],
      );
      expect(merged.map((h) => [h.id, h.version])).toEqual([
        [b.id, 2],
        [a.id, 3],
      ]);
    });
  });

  describe('optimistic logs', () => {
    it('done extends a daily streak, undo takes it back, skip leaves it', () => {
      const habit = aHabit({ currentStreak: 4, longestStreak: 4, totalCompletions: 10 });
      const done = withTodayLog(habit, 'done');
      expect(done).toMatchObject({
        currentStreak: 5,
        longestStreak: 5,
        totalCompletions: 11,
        todayLog: { id: PENDING_LOG_ID, status: 'done' },
        version: habit.version,
      });
      const undone = withTodayLog(
        { ...done, todayLog: { id: 'log-1', status: 'done', notes: null, value: null } },
        null,
      );
      expect(undone).toMatchObject({ currentStreak: 4, totalCompletions: 10, todayLog: null });
      expect(withTodayLog(habit, 'skipped')).toMatchObject({
        currentStreak: 4,
        todayLog: { status: 'skipped' },
      });
    });

    it('counts the week and extends a weekly streak when the quota is met', () => {
      const habit = aWeeklyHabit({ week: { done: 2, quota: 3 }, currentStreak: 1 });
      const third = withTodayLog(habit, 'done');
      expect(third.week).toEqual({ done: 3, quota: 3 });
      expect(third.currentStreak).toBe(2);
      const back = withTodayLog(
        { ...third, todayLog: { id: 'x', status: 'done', notes: null, value: null } },
        'skipped',
      );
      expect(back.week).toEqual({ done: 2, quota: 3 });
      expect(back.currentStreak).toBe(1);
      expect(
        withTodayLog(aWeeklyHabit({ week: { done: 0, quota: 3 } }), 'done').currentStreak,
      ).toBe(0);
    });
  });

  it('puts due habits and habits logged today on Today, never archived ones', () => {
    expect(isOnToday(aHabit({ dueToday: true }))).toBe(true);
    expect(isOnToday(aHabit({ dueToday: false }))).toBe(false);
    expect(
      isOnToday(
        aHabit({
          dueToday: false,
          todayLog: { id: 'l', status: 'done', notes: null, value: null },
        }),
      ),
    ).toBe(true);
    expect(isOnToday(aHabit({ status: 'archived', dueToday: true }))).toBe(false);
  });
});

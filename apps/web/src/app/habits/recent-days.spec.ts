import { aHabit, aWeeklyHabit } from '../testing/habit.factory';
import { nextDayStatus, recentDaysView, withDayLog } from './recent-days';

// The factory's today is Wed 25 Nov 2026; its strip is Thu 19 … Wed 25 Nov.
describe('the one-tap strip', () => {
  it('cycles a day done → skipped → empty → done', () => {
    expect(nextDayStatus('missed', false)).toBe('done');
    expect(nextDayStatus('pending', false)).toBe('done');
    expect(nextDayStatus('done', true)).toBe('skipped');
    expect(nextDayStatus('skipped', true)).toBeNull();
    expect(nextDayStatus('missed', true)).toBe('done');
  });

  it('draws each day, says what a tap does, and offers nothing before the start', () => {
    const habit = aHabit({
      startDate: '2026-11-20',
      recentDays: [
        { date: '2026-11-19', status: 'not_due', logId: null },
        { date: '2026-11-20', status: 'done', logId: 'l1' },
        { date: '2026-11-21', status: 'skipped', logId: 'l2' },
        { date: '2026-11-22', status: 'missed', logId: null },
        { date: '2026-11-23', status: 'paused', logId: null },
        { date: '2026-11-24', status: 'not_due', logId: null },
        { date: '2026-11-25', status: 'pending', logId: null },
      ],
    });
    const days = recentDaysView(habit);
    expect(days.map((d) => d.look)).toEqual([
      'before-start',
      'done',
      'skipped',
      'missed',
      'paused',
      'not-due',
      'open',
    ]);
    expect(days.map((d) => d.weekday).join('')).toBe('TFSSMTW');
    expect(days[0]).toMatchObject({
      disabled: true,
      label: 'Thu 19 Nov 2026: before the habit started.',
    });
    expect(days[1]).toMatchObject({
      next: 'skipped',
      label: 'Fri 20 Nov 2026: done. Tap to mark skipped.',
    });
    expect(days[2]).toMatchObject({ next: null, label: 'Sat 21 Nov 2026: skipped. Tap to clear.' });
    expect(days[3]).toMatchObject({ next: 'done', disabled: false, dayOfMonth: 22 });
  });

  it('never draws a weekly habit’s open day as a miss', () => {
    const habit = aWeeklyHabit({
      startDate: '2026-11-01',
      recentDays: [{ date: '2026-11-22', status: 'missed', logId: null }],
    });
    expect(recentDaysView(habit)[0].look).toBe('open');
  });

  it('moves the day at once, and today’s log and streak with it', () => {
    const habit = aHabit({ currentStreak: 2, statsAsOf: '2026-11-25' });
    const pastDay = withDayLog(habit, '2026-11-22', 'done');
    expect(pastDay.recentDays[3]).toEqual({ date: '2026-11-22', status: 'done', logId: 'pending' });
    expect(pastDay.currentStreak).toBe(2);
    expect(pastDay.version).toBe(habit.version);
    const today = withDayLog(habit, '2026-11-25', 'done');
    expect(today.todayLog?.status).toBe('done');
    expect(today.currentStreak).toBe(3);
    expect(today.recentDays[6].status).toBe('done');
    const cleared = withDayLog({ ...today, recentDays: today.recentDays }, '2026-11-25', null);
    expect(cleared.recentDays[6]).toMatchObject({ status: 'pending', logId: null });
  });
});

import { userDayOf } from '../calendar/time-zone';
import { daily, habit, logsFrom } from '../testing/habit-fixtures';
import { computeHabitStats } from './habit-stats';

// Logs keep their local date forever; a zone change only changes which day is "today".
describe('a zone change moves today, never the logs', () => {
  // Daily from Mon 2026-04-06, done 04-06..04-10 (five days), logged from New York.
  const h = habit({
    start: '2026-04-06',
    schedules: [daily('2026-04-06')],
    logs: logsFrom('2026-04-06', 'DDDDD'),
  });
  // 2026-04-11T02:00Z is Fri 04-10 22:00 in New York (EDT, UTC−4) and Sat 04-11 11:00 in Tokyo.
  const instant = new Date('2026-04-11T02:00:00Z');

  it('New York → Tokyo: today jumps to 04-11, the 04-10 log stays on 04-10', () => {
    const todayNewYork = userDayOf(instant, 'America/New_York', 0);
    const todayTokyo = userDayOf(instant, 'Asia/Tokyo', 0);
    expect([todayNewYork, todayTokyo]).toEqual(['2026-04-10', '2026-04-11']);
    // In New York 04-10 is today and done; in Tokyo it is yesterday and 04-11 is pending.
    expect(computeHabitStats(h, todayNewYork)).toMatchObject({
      currentStreak: 5,
      lastCompletedDate: '2026-04-10',
      nextDueDate: '2026-04-10',
    });
    expect(computeHabitStats(h, todayTokyo)).toMatchObject({
      currentStreak: 5,
      consecutiveMisses: 0,
      lastCompletedDate: '2026-04-10',
      nextDueDate: '2026-04-11',
      consistencyScore: 100, // 5 expected, today pending
    });
  });

  it('Tokyo → Honolulu: today moves back; a log dated after the new today waits for its day', () => {
    // The same habit logged in Tokyo up to Sat 04-11. 2026-04-11T00:30Z is 04-11 09:30 in
    // Tokyo but Fri 04-10 14:30 in Honolulu (UTC−10): the 04-11 log is not counted yet.
    const tokyo = { ...h, logs: logsFrom('2026-04-06', 'DDDDDD') };
    const todayHonolulu = userDayOf(new Date('2026-04-11T00:30:00Z'), 'Pacific/Honolulu', 0);
    expect(todayHonolulu).toBe('2026-04-10');
    expect(computeHabitStats(tokyo, todayHonolulu)).toMatchObject({
      currentStreak: 5,
      totalCompletions: 5,
    });
    expect(computeHabitStats(tokyo, '2026-04-11')).toMatchObject({
      currentStreak: 6,
      totalCompletions: 6,
    });
  });

  it('a day-start hour change moves today too (02:30 local with day start 3 is yesterday)', () => {
    // 2026-04-11T06:30Z is Sat 02:30 EDT: with day start 3 today is still Fri 04-10.
    const today = userDayOf(new Date('2026-04-11T06:30:00Z'), 'America/New_York', 3);
    expect(today).toBe('2026-04-10');
    expect(computeHabitStats(h, today)).toMatchObject({ currentStreak: 5, dueToday: true });
  });
});

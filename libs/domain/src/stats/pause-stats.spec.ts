import { applyStatusChange } from '../schedule/pauses';
import { daily, habit, logsFrom } from '../testing/habit-fixtures';
import { heatmap } from './heatmap';
import { computeHabitStats } from './habit-stats';

// Daily from Mon 03-02: done 03-02..03-04; m = 0.5^(1/13).
const m = 0.5 ** (1 / 13);

describe('pause periods protect streaks and leave scores unchanged', () => {
  it('a closed pause (03-05..03-08) is transparent: done before and after join up', () => {
    const h = habit({
      start: '2026-03-02',
      pauses: [{ from: '2026-03-05', to: '2026-03-08' }],
      logs: logsFrom('2026-03-02', 'DDD.... D'),
    });
    const stats = computeHabitStats(h, '2026-03-09');
    expect(stats).toMatchObject({
      currentStreak: 4, // 03-02..03-04 + 03-09
      consecutiveMisses: 0,
      consistencyScore: 100, // 4 expected, paused days not due
      status: 'active',
    });
    expect(stats.strength).toBeCloseTo(100 * (1 - m ** 4), 9); // paused days: no update
    expect(heatmap(h, '2026-03-09', '2026-03-04', '2026-03-10').map((d) => d.status)).toEqual([
      'done',
      'paused',
      'paused',
      'paused',
      'paused',
      'done',
      'pending', // after today, due
    ]);
  });

  it('an open pause (status paused from 03-05): nothing due, nextDueDate null', () => {
    const h = habit({
      start: '2026-03-02',
      status: 'paused',
      pauses: [{ from: '2026-03-05', to: null }],
      logs: logsFrom('2026-03-02', 'DDD'),
    });
    const stats = computeHabitStats(h, '2026-03-12');
    expect(stats).toMatchObject({
      currentStreak: 3,
      consecutiveMisses: 0,
      status: 'paused',
      nextDueDate: null,
      dueToday: false,
      consistencyScore: 100,
    });
    expect(stats.strength).toBeCloseTo(100 * (1 - m ** 3), 9);
  });

  it('pause on 03-05, resume on 03-09: the pause becomes 03-05..03-08 and 03-09 is due', () => {
    let pauses = applyStatusChange([], 'active', 'paused', '2026-03-05');
    pauses = applyStatusChange(pauses, 'paused', 'active', '2026-03-09');
    expect(pauses).toEqual([{ from: '2026-03-05', to: '2026-03-08' }]);
    const h = habit({ start: '2026-03-02', pauses, logs: logsFrom('2026-03-02', 'DDD') });
    // 03-09 pending today; as of 03-10 it is a miss after the pause.
    expect(computeHabitStats(h, '2026-03-09')).toMatchObject({
      currentStreak: 3,
      dueToday: true,
      nextDueDate: '2026-03-09',
    });
    expect(computeHabitStats(h, '2026-03-10')).toMatchObject({
      currentStreak: 0,
      consecutiveMisses: 1,
    });
  });

  it('pausing and resuming the same day leaves no pause and no trace', () => {
    const pauses = applyStatusChange(
      applyStatusChange([], 'active', 'paused', '2026-03-05'),
      'paused',
      'active',
      '2026-03-05',
    );
    expect(pauses).toEqual([]);
    const h = habit({
      start: '2026-03-02',
      pauses,
      schedules: [daily('2026-03-02')],
      logs: logsFrom('2026-03-02', 'DDDD'),
    });
    expect(computeHabitStats(h, '2026-03-05')).toMatchObject({ currentStreak: 4, dueToday: true });
  });

  it('a log on a paused day counts in totals only', () => {
    const h = habit({
      start: '2026-03-02',
      pauses: [{ from: '2026-03-04', to: '2026-03-05' }],
      logs: logsFrom('2026-03-02', 'DDDD'),
    });
    const stats = computeHabitStats(h, '2026-03-06');
    expect(stats).toMatchObject({ totalCompletions: 4, currentStreak: 2, consistencyScore: 100 });
    expect(stats.strength).toBeCloseTo(100 * (1 - m ** 2), 9);
  });
});

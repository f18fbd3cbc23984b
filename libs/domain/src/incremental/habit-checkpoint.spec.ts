import { computeHabitStats } from '../stats/habit-stats';
import { habit, logsFrom, weekly } from '../testing/habit-fixtures';
import {
  advanceCheckpoint,
  checkpointHabit,
  invalidateCheckpoint,
  statsFromCheckpoint,
} from './habit-checkpoint';

// Daily from Mon 03-02, done 03-02..03-06; m = 0.5^(1/13).
const m = 0.5 ** (1 / 13);

describe('habit checkpoint (the incremental form)', () => {
  const h = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'DDDDD') });

  it('holds the settled folds through yesterday', () => {
    const checkpoint = checkpointHabit(h, '2026-03-06');
    expect(checkpoint).toMatchObject({
      through: '2026-03-06',
      run: 5,
      longest: 5,
      misses: 0,
      totalCompletions: 5,
      unit: 'day',
    });
    expect(checkpoint.strengthScore).toBeCloseTo(1 - m ** 5, 12);
  });

  it("today's log reuses it: stats equal the recomputation without refolding", () => {
    const checkpoint = checkpointHabit(h, '2026-03-06');
    const logged = { ...h, logs: [...h.logs, { date: '2026-03-07', status: 'done' as const }] };
    expect(invalidateCheckpoint(checkpoint, logged, '2026-03-07')).toBe(checkpoint); // same object
    const stats = statsFromCheckpoint(checkpoint, logged, '2026-03-07');
    expect(stats).toMatchObject({ currentStreak: 6, totalCompletions: 6 });
    expect(stats).toEqual(computeHabitStats(logged, '2026-03-07'));
  });

  it('a backfill before `through` refolds; the rollover folds only the new days', () => {
    const checkpoint = checkpointHabit(h, '2026-03-06');
    const deleted = { ...h, logs: h.logs.filter((log) => log.date !== '2026-03-04') };
    const refolded = invalidateCheckpoint(checkpoint, deleted, '2026-03-04');
    expect(refolded).toMatchObject({ run: 2, longest: 2, misses: 0, totalCompletions: 4 });
    // Two day rollovers with nothing logged: 03-07 and 03-08 are misses.
    const advanced = advanceCheckpoint(refolded, deleted, '2026-03-08');
    expect(advanced).toMatchObject({ through: '2026-03-08', run: 0, misses: 2 });
    expect(statsFromCheckpoint(advanced, deleted, '2026-03-09')).toEqual(
      computeHabitStats(deleted, '2026-03-09'),
    );
  });

  it('a weekly week settles on its Sunday', () => {
    // 2/week from Mon 03-02, done Mon and Tue: W1 met once Sunday 03-08 is settled.
    const w = habit({
      start: '2026-03-02',
      schedules: [weekly('2026-03-02', 2)],
      logs: logsFrom('2026-03-02', 'DD'),
    });
    expect(checkpointHabit(w, '2026-03-07')).toMatchObject({ run: 0, unit: 'week' });
    expect(checkpointHabit(w, '2026-03-08')).toMatchObject({ run: 1, longest: 1 });
    expect(statsFromCheckpoint(checkpointHabit(w, '2026-03-03'), w, '2026-03-04')).toMatchObject({
      currentStreak: 1,
    });
  });
});

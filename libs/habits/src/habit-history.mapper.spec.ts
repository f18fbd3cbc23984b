import { withoutLogOn, withWrittenLog } from './habit-history.mapper';
import type { HabitRecords } from './habits.repository';

// Today is 2026-03-10, so the recent days (RECENT_DAYS = 7) run from 2026-03-04.
const today = '2026-03-10';

function records(): HabitRecords {
  return {
    schedules: [],
    pauses: [],
    logs: [
      { date: '2026-01-02', status: 'done' },
      { date: '2026-03-05', status: 'missed' },
      { date: '2026-03-10', status: 'skipped' },
    ],
    todayLog: { id: 'today', status: 'skipped', notes: 'tired' },
    recentLogIds: new Map([
      ['2026-03-05', 'l5'],
      ['2026-03-10', 'today'],
    ]),
    checkpoint: null,
  };
}

describe('withWrittenLog (the records a read after a log write would return)', () => {
  it('inserts a new log in date order; an old day is not among the recent days', () => {
    const before = records();
    const after = withWrittenLog(
      before,
      { id: 'new', logDate: '2026-02-01', status: 'done', notes: null },
      today,
    );
    expect(after.logs.map((l) => l.date)).toEqual([
      '2026-01-02',
      '2026-02-01',
      '2026-03-05',
      '2026-03-10',
    ]);
    expect(after.recentLogIds).toEqual(before.recentLogIds);
    expect(after.todayLog).toEqual({ id: 'today', status: 'skipped', notes: 'tired' });
    // The records read before the write are left as they were.
    expect(before.logs).toHaveLength(3);
  });

  it("replaces the day's log and, for today, the today log with its notes", () => {
    const after = withWrittenLog(
      records(),
      { id: 'today', logDate: today, status: 'done', notes: 'better' },
      today,
    );
    expect(after.logs).toEqual([
      { date: '2026-01-02', status: 'done' },
      { date: '2026-03-05', status: 'missed' },
      { date: '2026-03-10', status: 'done' },
    ]);
    expect(after.todayLog).toEqual({ id: 'today', status: 'done', notes: 'better' });
  });

  it('records a recent day by its id, and appends a log after the last one', () => {
    const before = records();
    before.logs.pop();
    before.todayLog = null;
    before.recentLogIds.delete(today);
    const recent = withWrittenLog(
      before,
      { id: 'l4', logDate: '2026-03-04', status: 'done', notes: null },
      today,
    );
    expect(recent.logs.map((l) => l.date)).toEqual(['2026-01-02', '2026-03-04', '2026-03-05']);
    expect([...recent.recentLogIds]).toEqual([
      ['2026-03-05', 'l5'],
      ['2026-03-04', 'l4'],
    ]);
    const last = withWrittenLog(
      before,
      { id: 't', logDate: today, status: 'missed', notes: null },
      today,
    );
    expect(last.logs.map((l) => l.date)).toEqual(['2026-01-02', '2026-03-05', '2026-03-10']);
    expect(last.todayLog).toEqual({ id: 't', status: 'missed', notes: null });
  });
});

describe('withoutLogOn (the records a read after an undo would return)', () => {
  it("drops today's log, its recent id and the today log", () => {
    const after = withoutLogOn(records(), today, today);
    expect(after.logs.map((l) => l.date)).toEqual(['2026-01-02', '2026-03-05']);
    expect(after.todayLog).toBeNull();
    expect([...after.recentLogIds]).toEqual([['2026-03-05', 'l5']]);
  });

  it('drops an older day and keeps the today log', () => {
    const after = withoutLogOn(records(), '2026-01-02', today);
    expect(after.logs.map((l) => l.date)).toEqual(['2026-03-05', '2026-03-10']);
    expect(after.todayLog).toEqual({ id: 'today', status: 'skipped', notes: 'tired' });
    expect(after.recentLogIds.size).toBe(2);
  });
});

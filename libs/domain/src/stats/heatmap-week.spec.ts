import { toDayNumber } from '../calendar/local-date';
import { prepareHabit, segmentAt } from '../habit/prepared-habit';
import { evaluateWeek } from '../habit/week';
import { habit, logsFrom, weekly } from '../testing/habit-fixtures';
import { heatmap, heatmapStatusOf, weekJudgeOf } from './heatmap';

// A weekly habit's heatmap judges each ISO week once, not once per day of it. W1 = Mon
// 03-02..Sun 03-08 (done Mon, Wed, Fri: met), W2 = 03-09..03-15 (done Mon: failed), W3 from
// 03-16 open (today Wed 03-18).
const history = habit({
  start: '2026-03-02',
  schedules: [weekly('2026-03-02', 3)],
  logs: logsFrom('2026-03-02', 'D.D.D.. D...... DD'),
});
const TODAY = '2026-03-18';

describe('heatmap: a weekly habit’s week judged once', () => {
  it('hands the seven days of a week one judgement', () => {
    const prepared = prepareHabit(history, toDayNumber(TODAY));
    const judge = weekJudgeOf(prepared);
    const monday = toDayNumber('2026-03-09');
    const segment = segmentAt(prepared, monday);
    const first = judge(segment, monday);
    expect(judge(segment, monday)).toBe(first); // the same object: not evaluated again
    expect(first).toEqual(evaluateWeek(prepared, segment, monday));
    expect(first).toMatchObject({ done: 1, quota: 3, outcome: 'failed' });
  });

  it('gives the cells of a per-day judgement (worked by hand)', () => {
    const cells = heatmap(history, TODAY, '2026-03-02', '2026-03-22');
    const prepared = prepareHabit(history, toDayNumber(TODAY));
    expect(cells.map((c) => c.status)).toEqual(
      cells.map((c) => heatmapStatusOf(prepared, toDayNumber(c.date))),
    );
    // W1 met: unlogged days not due; W2 failed: unlogged days missed; W3 open: pending.
    expect(cells.map((c) => c.status[0]).join('')).toBe(['dndndnn', 'dmmmmmm', 'ddppppp'].join(''));
  });
});

import { habit, logsFrom, measurable, target, valuesOn } from '../testing/habit-fixtures';
import {
  completionDates,
  computeCountedGoalProgress,
  goalLinkAmount,
  validateGoalLinkCount,
} from './goal-contribution';

describe('goal links counting completions or values (SPEC §6 "Goals")', () => {
  // At least 5 km a day from Mon 03-02, paused Fri 03-06; today Sun 03-08.
  // 02: 5 met · 03: 10.5 met · 04: unlogged failed · 05: 0.1 failed · 06: 0.2 (paused: neutral)
  // · 07: skipped · 08: unlogged, pending. A log on 03-09 is after today.
  const km = measurable({
    start: '2026-03-02',
    unit: 'km',
    target: target('at_least', 5, 'day'),
    pauses: [{ from: '2026-03-06', to: '2026-03-06' }],
    logs: valuesOn({
      '2026-03-02': 5,
      '2026-03-03': 10.5,
      '2026-03-05': 0.1,
      '2026-03-06': 0.2,
      '2026-03-07': 'S',
      '2026-03-09': 7,
    }),
  });

  it('value: the exact sum since the goal start, paused days included', () => {
    // 10.5 + 0.1 + 0.2 = 10.8 exactly (in floating point it would be 10.799999999999999).
    expect(goalLinkAmount(km, 'value', '2026-03-03', '2026-03-08')).toBe(10.8);
    expect(goalLinkAmount(km, 'value', '2026-03-01', '2026-03-08')).toBe(15.8);
    expect(goalLinkAmount(km, 'value', '2026-03-01', '2026-03-09')).toBe(22.8);
  });

  it('completions of a measurable day habit: its met days', () => {
    expect(completionDates(km, '2026-03-08')).toEqual(['2026-03-02', '2026-03-03']);
    expect(goalLinkAmount(km, 'completions', '2026-03-03', '2026-03-08')).toBe(1);
  });

  it('completions of a week habit: each met week, dated the day it was reached', () => {
    // At least 10 a week from Mon 03-02: W1 4 + 6 → met Wed 03-04; W2 10 on Tue 03-10; W3 12
    // on Tue 03-17 (today Wed 03-18). The same logs at most 10 a week: W1 (10) and W2 (10) met,
    // each dated its Sunday; W3 (12) failed.
    const atLeast = measurable({
      start: '2026-03-02',
      target: target('at_least', 10, 'week'),
      logs: valuesOn({ '2026-03-02': 4, '2026-03-04': 6, '2026-03-10': 10, '2026-03-17': 12 }),
    });
    expect(completionDates(atLeast, '2026-03-18')).toEqual([
      '2026-03-04',
      '2026-03-10',
      '2026-03-17',
    ]);
    expect(goalLinkAmount(atLeast, 'completions', '2026-03-05', '2026-03-18')).toBe(2);
    const atMost = { ...atLeast, target: target('at_most', 10, 'week') };
    expect(completionDates(atMost, '2026-03-18')).toEqual(['2026-03-08', '2026-03-15']);
  });

  it('a check habit counts its done logs; it has no values', () => {
    const check = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'DSDMD') });
    expect(completionDates(check, '2026-03-05')).toEqual(['2026-03-02', '2026-03-04']);
    expect(goalLinkAmount(check, 'completions', '2026-03-03', '2026-03-06')).toBe(2);
    expect(goalLinkAmount(check, 'value', '2026-03-01', '2026-03-06')).toBe(0);
  });

  it('progress: base + Σ weight × amount', () => {
    // "Run 100 km by March": 89.2 already, 10.8 logged since the start → 100, completed.
    expect(
      computeCountedGoalProgress(
        {
          baseValue: 89.2,
          startDate: '2026-03-03',
          targetValue: 100,
          deadline: '2026-03-31',
          links: [{ contributionWeight: 1, amount: 10.8 }],
        },
        '2026-03-08',
      ),
    ).toEqual({ currentValue: 100, isCompleted: true, overdue: false });
    // Two links: 0.5 × 10.8 + 2 × 3 completions = 11.4 < 12, and the deadline has passed.
    expect(
      computeCountedGoalProgress(
        {
          baseValue: 0,
          startDate: '2026-03-01',
          targetValue: 12,
          deadline: '2026-03-07',
          links: [
            { contributionWeight: 0.5, amount: 10.8 },
            { contributionWeight: 2, amount: 3 },
          ],
        },
        '2026-03-08',
      ),
    ).toEqual({ currentValue: 11.4, isCompleted: false, overdue: true });
  });

  it.each<[unknown, 'check' | 'measure', string[]]>([
    ['completions', 'check', []],
    ['completions', 'measure', []],
    ['value', 'measure', []],
    ['value', 'check', ['GOAL_COUNT_NEEDS_MEASURE']],
    ['sum', 'measure', ['GOAL_COUNT_INVALID']],
    [undefined, 'measure', ['GOAL_COUNT_INVALID']],
  ])('count %p on a %s habit: %p', (count, kind, codes) => {
    expect(validateGoalLinkCount(count, kind, 'habits[1].count')).toEqual(
      codes.map((code) => expect.objectContaining({ code, path: 'habits[1].count' })),
    );
  });
});

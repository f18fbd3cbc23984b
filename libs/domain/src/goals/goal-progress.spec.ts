import { computeGoalProgress, goalJustCompleted, GoalInput } from './goal-progress';

describe('computeGoalProgress', () => {
  // base 2; link A (weight 1): 02-28 is before the goal's start, 03-01 and 03-05 count → 2;
  // link B (weight 2.5): 03-02, 03-03 → 5. Total 2 + 2 + 5 = 9 of 10.
  const goal: GoalInput = {
    baseValue: 2,
    startDate: '2026-03-01',
    targetValue: 10,
    deadline: '2026-03-10',
    links: [
      { contributionWeight: 1, doneDates: ['2026-02-28', '2026-03-01', '2026-03-05'] },
      { contributionWeight: 2.5, doneDates: ['2026-03-02', '2026-03-03'] },
    ],
  };

  it.each([
    ['before the deadline', '2026-03-09', { currentValue: 9, isCompleted: false, overdue: false }],
    ['on the deadline', '2026-03-10', { currentValue: 9, isCompleted: false, overdue: false }],
    ['after the deadline', '2026-03-11', { currentValue: 9, isCompleted: false, overdue: true }],
    // As of 03-02 only A's 03-01 and B's 03-02 count: 2 + 1 + 2.5.
    [
      'as of an earlier day',
      '2026-03-02',
      { currentValue: 5.5, isCompleted: false, overdue: false },
    ],
  ])('%s', (_name, today, expected) => {
    expect(computeGoalProgress(goal, today)).toEqual(expected);
  });

  it('one more done completes it, and a completed goal is never overdue', () => {
    const more = {
      ...goal,
      links: [...goal.links, { contributionWeight: 1, doneDates: ['2026-03-06'] }],
    };
    expect(computeGoalProgress(more, '2026-03-20')).toEqual({
      currentValue: 10,
      isCompleted: true,
      overdue: false,
    });
  });

  it('decimal weights reach their target (0.7 + 2 × 0.1 = 0.9)', () => {
    const decimal: GoalInput = {
      baseValue: 0.7,
      startDate: '2026-03-01',
      targetValue: 0.9,
      deadline: null,
      links: [{ contributionWeight: 0.1, doneDates: ['2026-03-01', '2026-03-02'] }],
    };
    expect(computeGoalProgress(decimal, '2026-03-02')).toEqual({
      currentValue: 0.9,
      isCompleted: true,
      overdue: false,
    });
  });

  it('goal_completed fires only on the change from incomplete to complete', () => {
    const done = { currentValue: 10, isCompleted: true, overdue: false };
    const notDone = { currentValue: 9, isCompleted: false, overdue: false };
    expect(goalJustCompleted(notDone, done)).toBe(true);
    expect(goalJustCompleted(null, done)).toBe(true);
    expect(goalJustCompleted(done, done)).toBe(false);
    expect(goalJustCompleted(done, notDone)).toBe(false);
  });
});

import { aGoal } from '../testing/goal.factory';
import { goalProgress, mergeGoal, sortGoals } from './goal-progress';

describe('goalProgress', () => {
  it('shows a partly reached goal as a rounded-down share with what is left', () => {
    // 7 / 20 = 35 %; 20 − 7 = 13 to go.
    expect(goalProgress(aGoal({ currentValue: 7 }), 'en-GB')).toEqual({
      percent: 35,
      label: '7 of 20 books',
      remainingLabel: '13 books to go',
      state: 'in_progress',
      deadlineLabel: null,
    });
    // 2 / 3 = 66.67 % → 66, never rounded up to look further than it is.
    expect(goalProgress(aGoal({ currentValue: 2, targetValue: 3 }), 'en-GB').percent).toBe(66);
  });

  it('formats weighted fractions to two places', () => {
    // 1.5 + 0.25 weights: 1.75 of 2.5 km = 70 %.
    const view = goalProgress(aGoal({ currentValue: 1.75, targetValue: 2.5, unit: 'km' }), 'en-GB');
    expect(view.label).toBe('1.75 of 2.5 km');
    expect(view.percent).toBe(70);
    expect(view.remainingLabel).toBe('0.75 km to go');
  });

  it('caps a reached goal at a full bar and says how far past it went', () => {
    const view = goalProgress(aGoal({ currentValue: 23, isCompleted: true }), 'en-GB');
    expect(view.percent).toBe(100);
    expect(view.state).toBe('completed');
    // The card's badge says "Reached": the figures add only how far past it (issue 16, point 5).
    expect(view.remainingLabel).toBe('3 books over');
    expect(goalProgress(aGoal({ currentValue: 20, isCompleted: true })).remainingLabel).toBe('');
  });

  it('marks an unreached goal past its deadline as overdue', () => {
    const view = goalProgress(
      aGoal({ currentValue: 4, overdue: true, deadline: '2026-03-01' }),
      'en-GB',
    );
    expect(view.state).toBe('overdue');
    expect(view.deadlineLabel).toBe('Overdue since 1 March 2026');
    expect(goalProgress(aGoal({ deadline: '2026-12-31' }), 'en-GB').deadlineLabel).toBe(
      'Due 31 December 2026',
    );
  });
});

describe('sortGoals and mergeGoal', () => {
  it('puts overdue goals first and reached goals last', () => {
    const sorted = sortGoals([
      aGoal({ id: 'a', name: 'A', isCompleted: true }),
      aGoal({ id: 'b', name: 'B' }),
      aGoal({ id: 'c', name: 'C', overdue: true }),
    ]);
    expect(sorted.map((goal) => goal.id)).toEqual(['c', 'b', 'a']);
  });

  it('takes a newer snapshot and ignores an older or equal one', () => {
    const held = [aGoal({ version: 3, currentValue: 5 })];
    expect(mergeGoal(held, aGoal({ version: 2, currentValue: 1 }))[0].currentValue).toBe(5);
    expect(mergeGoal(held, aGoal({ version: 3, currentValue: 1 }))[0].currentValue).toBe(5);
    expect(mergeGoal(held, aGoal({ version: 4, currentValue: 9 }))[0].currentValue).toBe(9);
    expect(mergeGoal(held, aGoal({ id: 'g2' }))).toHaveLength(2);
  });
});

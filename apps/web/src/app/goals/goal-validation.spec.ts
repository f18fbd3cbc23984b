import { type GoalDraft, validateGoal } from './goal-validation';

const valid: GoalDraft = {
  name: 'Run 50 times',
  description: '',
  targetValue: '50',
  unit: 'runs',
  baseValue: '0',
  startDate: '',
  deadline: '',
};

describe('validateGoal', () => {
  it('accepts a complete goal, an empty base counting as 0', () => {
    expect(validateGoal(valid, [{ habitId: 'h1', weight: '0.5' }], '2026-12-02')).toBeNull();
    expect(validateGoal({ ...valid, baseValue: '' }, [], '2026-12-02')).toBeNull();
  });

  it.each([
    [{ name: '  ' }, 'name', 'Give the goal a name.'],
    [{ targetValue: '0' }, 'targetValue', 'The target must be above 0.'],
    [{ targetValue: '1000000001' }, 'targetValue', 'The target can be at most 1,000,000,000.'],
    [{ unit: '' }, 'unit', 'Say what is counted, e.g. “runs”.'],
    [{ baseValue: '-1' }, 'baseValue', 'Cannot be negative.'],
    // No start typed: today (2 Dec) is the start, so a deadline of 1 Dec is before it.
    [
      { deadline: '2026-12-01' },
      'deadline',
      'The deadline cannot be before the goal starts counting.',
    ],
  ])('refuses %o in %s', (change, field, message) => {
    const error = validateGoal({ ...valid, ...change }, [], '2026-12-02');
    expect(error?.fields).toEqual({ [field]: message });
  });

  it('checks each link’s weight: above 0, at most 1000', () => {
    expect(validateGoal(valid, [{ habitId: 'h1', weight: '0' }], null)?.fields).toEqual({
      habits: 'Each linked habit needs a weight above 0.',
    });
    expect(validateGoal(valid, [{ habitId: 'h1', weight: '1001' }], null)?.fields).toEqual({
      habits: 'A done day can count at most 1000.',
    });
  });
});

import { validateHabit, type HabitFormValues } from './habit-validation';
import { DEFAULT_SCHEDULE } from './schedule';

const valid: HabitFormValues = {
  name: 'Read',
  description: '',
  schedule: DEFAULT_SCHEDULE,
  startDate: '2026-03-01',
  pausePeriods: [],
};

describe('validateHabit (the server’s rules)', () => {
  it('accepts a plain daily habit', () => {
    expect(validateHabit(valid)).toEqual({});
  });

  it('names each broken rule by the API’s field path', () => {
    const errors = validateHabit({
      name: '   ',
      description: 'x'.repeat(1001),
      schedule: { ...DEFAULT_SCHEDULE, kind: 'weekly', timesPerWeek: 8 },
      startDate: '',
      pausePeriods: [
        { from: '2026-03-05', to: '2026-03-04' },
        { from: '2026-03-10', to: null },
      ],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'description',
      'name',
      'pausePeriods.0.to',
      'startDate',
      'timesPerWeek',
    ]);
  });

  it('needs a weekday, and an interval of 2 to 365 days', () => {
    const weekdays = { ...DEFAULT_SCHEDULE, kind: 'weekdays' as const, daysOfWeek: [] };
    expect(validateHabit({ ...valid, schedule: weekdays })).toEqual({
      daysOfWeek: 'Pick at least one day.',
    });
    for (const [intervalDays, ok] of [
      [1, false],
      [2, true],
      [365, true],
      [366, false],
      [2.5, false],
    ] as const) {
      const schedule = { ...DEFAULT_SCHEDULE, kind: 'interval' as const, intervalDays };
      expect('intervalDays' in validateHabit({ ...valid, schedule })).toBe(!ok);
    }
  });
});

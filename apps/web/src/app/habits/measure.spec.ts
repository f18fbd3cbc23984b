import { aHabit } from '../testing/habit.factory';
import { withTodayAmount } from '../today/habit-snapshots';
import {
  DEFAULT_MEASURE,
  describeMeasure,
  periodWords,
  targetWords,
  usualAmount,
  validateMeasure,
} from './measure';

const water = aHabit({
  kind: 'measure',
  unit: 'glasses',
  target: { type: 'at_least', value: 8, period: 'day' },
  period: { start: '2026-11-25', end: '2026-11-25', total: 0.1, target: 8, outcome: 'pending' },
  todayLog: { id: 'l1', status: 'done', notes: null, value: 0.1 },
});

describe('measured habits in words', () => {
  it('says the target as people do', () => {
    expect(targetWords({ type: 'at_least', value: 8, period: 'day' }, 'glasses')).toBe(
      'at least 8 glasses a day',
    );
    expect(targetWords({ type: 'at_most', value: 2, period: 'day' }, 'coffees')).toBe(
      'at most 2 coffees a day',
    );
    expect(targetWords({ type: 'at_least', value: 20, period: 'week' }, 'km')).toBe(
      'at least 20 km a week',
    );
    expect(
      describeMeasure({ ...DEFAULT_MEASURE, kind: 'measure', unit: ' km ', value: '2.5' }),
    ).toBe('at least 2.5 km a day');
    expect(
      describeMeasure({ ...DEFAULT_MEASURE, kind: 'measure', unit: 'km', value: '2.5555' }),
    ).toBeNull();
    expect(periodWords(water)).toBe('0.1 of 8 glasses today');
  });

  it('offers the target’s daily share as the usual amount (none at 1 or less)', () => {
    expect(usualAmount(water)).toBe(8);
    // 20 a week → 20/7 = 2.857… → 2.9; 100 a month → 100/30 = 3.33… → 3.3; 5 a week → 0.71 → none.
    expect(usualAmount({ ...water, target: { type: 'at_least', value: 20, period: 'week' } })).toBe(
      2.9,
    );
    expect(
      usualAmount({ ...water, target: { type: 'at_least', value: 100, period: 'month' } }),
    ).toBe(3.3);
    expect(
      usualAmount({ ...water, target: { type: 'at_least', value: 5, period: 'week' } }),
    ).toBeNull();
    expect(usualAmount(aHabit())).toBeNull();
  });

  it('checks what the server refuses', () => {
    const draft = { ...DEFAULT_MEASURE, kind: 'measure' as const, unit: 'km', value: '20' };
    expect(validateMeasure(draft, 'daily')).toEqual({});
    expect(Object.keys(validateMeasure(draft, 'weekly'))).toEqual(['frequency']);
    expect(Object.keys(validateMeasure({ ...draft, period: 'week' }, 'weekdays'))).toEqual([
      'target.period',
    ]);
    expect(Object.keys(validateMeasure({ ...draft, value: '0' }, 'daily'))).toEqual([
      'target.value',
    ]);
    expect(validateMeasure({ ...draft, type: 'at_most', value: '0' }, 'daily')).toEqual({});
    expect(Object.keys(validateMeasure({ ...draft, unit: ' ' }, 'daily'))).toEqual(['unit']);
  });

  it('guesses today’s amount exactly before the server answers (0.1 + 0.2 = 0.3)', () => {
    const added = withTodayAmount(water, 0.2, 'add');
    expect(added.todayLog?.value).toBe(0.3);
    expect(added.period?.total).toBe(0.3);
    const set = withTodayAmount(added, 5, 'set');
    expect(set.todayLog?.value).toBe(5);
    expect(set.period?.total).toBe(5);
  });
});

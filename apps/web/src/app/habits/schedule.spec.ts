import { aHabit } from '../testing/habit.factory';
import {
  DEFAULT_SCHEDULE,
  describeSchedule,
  scheduleOf,
  type ScheduleDraft,
  toScheduleFields,
} from './schedule';

function draft(overrides: Partial<ScheduleDraft>): ScheduleDraft {
  return { ...DEFAULT_SCHEDULE, ...overrides };
}

describe('schedule', () => {
  it.each([
    [draft({ kind: 'daily' }), 'every day'],
    [draft({ kind: 'weekly', timesPerWeek: 1 }), 'once a week'],
    [draft({ kind: 'weekly', timesPerWeek: 3 }), '3 times a week'],
    [draft({ kind: 'weekdays', daysOfWeek: [5, 1, 3] }), 'every Mon, Wed and Fri'],
    [draft({ kind: 'weekdays', daysOfWeek: [2] }), 'every Tue'],
    [draft({ kind: 'weekdays', daysOfWeek: [6, 2] }), 'every Tue and Sat'],
    [draft({ kind: 'weekdays', daysOfWeek: [1, 2, 3, 4, 5] }), 'every weekday (Mon to Fri)'],
    [draft({ kind: 'weekdays', daysOfWeek: [7, 6] }), 'every weekend (Sat and Sun)'],
    [draft({ kind: 'weekdays', daysOfWeek: [] }), 'on no day yet: pick at least one'],
    [draft({ kind: 'interval', intervalDays: 2 }), 'every other day'],
    [draft({ kind: 'interval', intervalDays: 10 }), 'every 10 days'],
    [draft({ kind: 'interval', intervalDays: 1 }), 'every few days (2 to 365)'],
    [draft({ kind: 'interval', intervalDays: NaN }), 'every few days (2 to 365)'],
    [draft({ kind: 'weekly', timesPerWeek: 8 }), 'a number of times a week (1 to 7)'],
  ])('describes %o as "%s"', (schedule, words) => {
    expect(describeSchedule(schedule)).toBe(words);
  });

  it('sends exactly the fields of the chosen kind, weekdays sorted and distinct', () => {
    expect(toScheduleFields(draft({ kind: 'daily', timesPerWeek: 4 }))).toEqual({
      frequency: 'daily',
      timesPerWeek: null,
      daysOfWeek: null,
      intervalDays: null,
    });
    expect(toScheduleFields(draft({ kind: 'weekly', timesPerWeek: 4 }))).toEqual({
      frequency: 'weekly',
      timesPerWeek: 4,
      daysOfWeek: null,
      intervalDays: null,
    });
    expect(toScheduleFields(draft({ kind: 'weekdays', daysOfWeek: [5, 1, 5] }))).toEqual({
      frequency: 'custom',
      timesPerWeek: null,
      daysOfWeek: [1, 5],
      intervalDays: null,
    });
    expect(toScheduleFields(draft({ kind: 'interval', intervalDays: 3 }))).toEqual({
      frequency: 'custom',
      timesPerWeek: null,
      daysOfWeek: null,
      intervalDays: 3,
    });
  });

  it('reads a stored habit back into the builder', () => {
    expect(scheduleOf(aHabit({ frequency: 'weekly', timesPerWeek: 5 })).kind).toBe('weekly');
    expect(scheduleOf(aHabit({ frequency: 'weekly', timesPerWeek: 5 })).timesPerWeek).toBe(5);
    expect(scheduleOf(aHabit({ frequency: 'custom', daysOfWeek: [2, 4] }))).toMatchObject({
      kind: 'weekdays',
      daysOfWeek: [2, 4],
    });
    expect(scheduleOf(aHabit({ frequency: 'custom', intervalDays: 9 }))).toMatchObject({
      kind: 'interval',
      intervalDays: 9,
    });
    expect(scheduleOf(aHabit({ frequency: 'daily' })).kind).toBe('daily');
  });
});

import { normalizeSchedule, ScheduleInput, validateSchedule } from './schedule';

const codes = (input: ScheduleInput) => validateSchedule(input).map((e) => `${e.path}:${e.code}`);

describe('validateSchedule', () => {
  it.each<[string, ScheduleInput, string[]]>([
    ['daily', { frequency: 'daily' }, []],
    ['weekly 1', { frequency: 'weekly', timesPerWeek: 1 }, []],
    ['weekly 7', { frequency: 'weekly', timesPerWeek: 7 }, []],
    ['weekly 0', { frequency: 'weekly', timesPerWeek: 0 }, ['timesPerWeek:TIMES_PER_WEEK_INVALID']],
    ['weekly 8', { frequency: 'weekly', timesPerWeek: 8 }, ['timesPerWeek:TIMES_PER_WEEK_INVALID']],
    [
      'weekly 2.5',
      { frequency: 'weekly', timesPerWeek: 2.5 },
      ['timesPerWeek:TIMES_PER_WEEK_INVALID'],
    ],
    ['weekly without n', { frequency: 'weekly' }, ['timesPerWeek:TIMES_PER_WEEK_INVALID']],
    [
      'daily with n',
      { frequency: 'daily', timesPerWeek: 3 },
      ['timesPerWeek:TIMES_PER_WEEK_NOT_ALLOWED'],
    ],
    ['custom Mon/Wed/Fri', { frequency: 'custom', daysOfWeek: [1, 3, 5] }, []],
    ['custom every 2 days', { frequency: 'custom', intervalDays: 2 }, []],
    ['custom every 365 days', { frequency: 'custom', intervalDays: 365 }, []],
    [
      'custom every day',
      { frequency: 'custom', intervalDays: 1 },
      ['intervalDays:INTERVAL_DAYS_INVALID'],
    ],
    [
      'custom every 366',
      { frequency: 'custom', intervalDays: 366 },
      ['intervalDays:INTERVAL_DAYS_INVALID'],
    ],
    [
      'custom with both',
      { frequency: 'custom', daysOfWeek: [1], intervalDays: 3 },
      ['intervalDays:CUSTOM_SCHEDULE_AMBIGUOUS'],
    ],
    ['custom with neither', { frequency: 'custom' }, ['daysOfWeek:CUSTOM_SCHEDULE_AMBIGUOUS']],
    [
      'custom no weekday',
      { frequency: 'custom', daysOfWeek: [] },
      ['daysOfWeek:DAYS_OF_WEEK_INVALID'],
    ],
    [
      'custom weekday 0',
      { frequency: 'custom', daysOfWeek: [0, 2] },
      ['daysOfWeek[0]:DAYS_OF_WEEK_INVALID'],
    ],
    [
      'custom weekday 8',
      { frequency: 'custom', daysOfWeek: [1, 8] },
      ['daysOfWeek[1]:DAYS_OF_WEEK_INVALID'],
    ],
    [
      'custom duplicate',
      { frequency: 'custom', daysOfWeek: [2, 4, 2] },
      ['daysOfWeek[2]:DAYS_OF_WEEK_INVALID'],
    ],
    [
      'weekly with weekdays',
      { frequency: 'weekly', timesPerWeek: 2, daysOfWeek: [1] },
      ['daysOfWeek:DAYS_OF_WEEK_NOT_ALLOWED'],
    ],
    [
      'daily with interval',
      { frequency: 'daily', intervalDays: 3 },
      ['intervalDays:INTERVAL_DAYS_NOT_ALLOWED'],
    ],
    ['unknown frequency', { frequency: 'hourly' as never }, ['frequency:FREQUENCY_INVALID']],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('normalizes: sorted weekdays, unused fields null', () => {
    expect(normalizeSchedule({ frequency: 'custom', daysOfWeek: [5, 1, 3] })).toEqual({
      frequency: 'custom',
      timesPerWeek: null,
      daysOfWeek: [1, 3, 5],
      intervalDays: null,
    });
    expect(normalizeSchedule({ frequency: 'weekly', timesPerWeek: 3 })).toEqual({
      frequency: 'weekly',
      timesPerWeek: 3,
      daysOfWeek: null,
      intervalDays: null,
    });
  });
});

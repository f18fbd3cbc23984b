import { ScheduleInput } from '../schedule/schedule';
import { validateLogInput } from './measure-log';
import {
  MeasureDefinitionInput,
  normalizeMeasureDefinition,
  targetText,
  validateMeasureDefinition,
} from './measure-target';
import {
  addMeasureValues,
  hasAtMostThreeDecimals,
  isMeasureValue,
  MAX_MEASURE_VALUE,
} from './measure-value';

const daily: ScheduleInput = { frequency: 'daily' };
const weekly: ScheduleInput = { frequency: 'weekly', timesPerWeek: 3 };
const custom: ScheduleInput = { frequency: 'custom', daysOfWeek: [1, 3, 5] };
const glasses = { type: 'at_least', value: 8, period: 'day' };

describe('validateMeasureDefinition (SPEC §6: kind, unit 1–20, target, frequency)', () => {
  it.each<[string, MeasureDefinitionInput, ScheduleInput, [string, string][]]>([
    ['a check habit by default', {}, weekly, []],
    ['a check habit with nulls', { kind: 'check', unit: null, target: null }, daily, []],
    ['a measurable day habit', { kind: 'measure', unit: 'glasses', target: glasses }, daily, []],
    [
      'a measurable day habit on weekdays',
      { kind: 'measure', unit: 'min', target: glasses },
      custom,
      [],
    ],
    [
      'at most 0 a week',
      { kind: 'measure', unit: 'coffees', target: { type: 'at_most', value: 0, period: 'week' } },
      daily,
      [],
    ],
    [
      'a 20-character unit with 3 decimals',
      {
        kind: 'measure',
        unit: 'abcdefghijklmnopqrst',
        target: { type: 'at_least', value: 0.125, period: 'month' },
      },
      daily,
      [],
    ],
    [
      'a 20-emoji unit counts code points',
      { kind: 'measure', unit: '🥛'.repeat(20), target: glasses },
      daily,
      [],
    ],
    ['an unknown kind', { kind: 'count' }, daily, [['KIND_INVALID', 'kind']]],
    [
      'a check habit with a unit and a target',
      { kind: 'check', unit: 'km', target: glasses },
      daily,
      [
        ['UNIT_NOT_ALLOWED', 'unit'],
        ['TARGET_NOT_ALLOWED', 'target'],
      ],
    ],
    ['no unit', { kind: 'measure', target: glasses }, daily, [['UNIT_INVALID', 'unit']]],
    [
      'a blank unit',
      { kind: 'measure', unit: '   ', target: glasses },
      daily,
      [['UNIT_INVALID', 'unit']],
    ],
    [
      'a 21-character unit',
      { kind: 'measure', unit: 'abcdefghijklmnopqrstu', target: glasses },
      daily,
      [['UNIT_INVALID', 'unit']],
    ],
    ['no target', { kind: 'measure', unit: 'km' }, daily, [['TARGET_INVALID', 'target']]],
    [
      'a target that is an array',
      { kind: 'measure', unit: 'km', target: [] },
      daily,
      [['TARGET_INVALID', 'target']],
    ],
    [
      'weekly frequency is refused',
      { kind: 'measure', unit: 'km', target: glasses },
      weekly,
      [['MEASURE_WEEKLY_NOT_ALLOWED', 'frequency']],
    ],
    [
      'a week target needs daily frequency',
      { kind: 'measure', unit: 'km', target: { ...glasses, period: 'week' } },
      custom,
      [['TARGET_PERIOD_NEEDS_DAILY', 'target.period']],
    ],
    [
      'a month target needs daily frequency',
      { kind: 'measure', unit: 'km', target: { ...glasses, period: 'month' } },
      { frequency: 'custom', intervalDays: 3 },
      [['TARGET_PERIOD_NEEDS_DAILY', 'target.period']],
    ],
    [
      'at least 0',
      { kind: 'measure', unit: 'km', target: { ...glasses, value: 0 } },
      daily,
      [['TARGET_VALUE_INVALID', 'target.value']],
    ],
    [
      'at most −1',
      { kind: 'measure', unit: 'km', target: { type: 'at_most', value: -1, period: 'day' } },
      daily,
      [['TARGET_VALUE_INVALID', 'target.value']],
    ],
    [
      '4 decimals',
      { kind: 'measure', unit: 'km', target: { ...glasses, value: 1.0005 } },
      daily,
      [['TARGET_VALUE_INVALID', 'target.value']],
    ],
    [
      'a string value',
      { kind: 'measure', unit: 'km', target: { ...glasses, value: '8' } },
      daily,
      [['TARGET_VALUE_INVALID', 'target.value']],
    ],
    [
      'above numeric(12,3)',
      { kind: 'measure', unit: 'km', target: { ...glasses, value: 1e9 } },
      daily,
      [['TARGET_VALUE_INVALID', 'target.value']],
    ],
    [
      'an unknown type and period',
      { kind: 'measure', unit: 'km', target: { type: 'exactly', value: 3, period: 'year' } },
      daily,
      [
        ['TARGET_TYPE_INVALID', 'target.type'],
        ['TARGET_PERIOD_INVALID', 'target.period'],
      ],
    ],
  ])('%s', (_name, input, schedule, expected) => {
    expect(
      validateMeasureDefinition(input, schedule).map((error) => [error.code, error.path]),
    ).toEqual(expected);
  });

  it('normalizes: unit trimmed, check habits without unit or target', () => {
    expect(normalizeMeasureDefinition({ kind: 'measure', unit: ' km ', target: glasses })).toEqual({
      kind: 'measure',
      unit: 'km',
      target: { type: 'at_least', value: 8, period: 'day' },
    });
    expect(normalizeMeasureDefinition({})).toEqual({ kind: 'check', unit: null, target: null });
  });

  it('says a target in words', () => {
    expect(targetText({ type: 'at_least', value: 8, period: 'day' }, 'glasses')).toBe(
      'at least 8 glasses a day',
    );
    expect(targetText({ type: 'at_most', value: 2, period: 'day' }, 'coffees')).toBe(
      'at most 2 coffees a day',
    );
    expect(targetText({ type: 'at_least', value: 20.5, period: 'week' }, 'km')).toBe(
      'at least 20.5 km a week',
    );
  });
});

describe('validateLogInput (SPEC §6: value or add or skipped by kind)', () => {
  it.each<[string, 'check' | 'measure', Record<string, unknown>, [string, string][]]>([
    ['check: a status', 'check', { status: 'done' }, []],
    [
      'check: a value is refused',
      'check',
      { status: 'done', value: 1 },
      [['LOG_VALUE_NOT_ALLOWED', 'value']],
    ],
    ['check: an add is refused', 'check', { add: 1 }, [['LOG_VALUE_NOT_ALLOWED', 'add']]],
    ['measure: a value', 'measure', { value: 2.5 }, []],
    ['measure: a value of 0', 'measure', { value: 0 }, []],
    ['measure: the largest value', 'measure', { value: MAX_MEASURE_VALUE }, []],
    ['measure: an add', 'measure', { add: 0.25 }, []],
    ['measure: skipped', 'measure', { status: 'skipped' }, []],
    [
      'measure: done is refused',
      'measure',
      { status: 'done', value: 1 },
      [['LOG_STATUS_NOT_ALLOWED', 'status']],
    ],
    [
      'measure: missed is refused',
      'measure',
      { status: 'missed' },
      [['LOG_STATUS_NOT_ALLOWED', 'status']],
    ],
    ['measure: nothing', 'measure', {}, [['LOG_VALUE_REQUIRED', 'value']]],
    ['measure: value and add', 'measure', { value: 1, add: 1 }, [['LOG_VALUE_CONFLICT', 'add']]],
    [
      'measure: skipped with a value',
      'measure',
      { status: 'skipped', value: 1 },
      [['LOG_VALUE_CONFLICT', 'value']],
    ],
    ['measure: a negative value', 'measure', { value: -0.001 }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: 4 decimals', 'measure', { value: 0.0001 }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: a float sum', 'measure', { value: 0.1 + 0.2 }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: a string', 'measure', { value: '3' }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: NaN', 'measure', { value: NaN }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: too large', 'measure', { value: 1e9 }, [['LOG_VALUE_INVALID', 'value']]],
    ['measure: an add of 0', 'measure', { add: 0 }, [['LOG_ADD_INVALID', 'add']]],
    ['measure: a negative add', 'measure', { add: -1 }, [['LOG_ADD_INVALID', 'add']]],
  ])('%s', (_name, kind, input, expected) => {
    expect(validateLogInput(kind, input).map((error) => [error.code, error.path])).toEqual(
      expected,
    );
  });
});

describe('values are exact to 3 decimals', () => {
  it.each([
    [1.005, true], // the double nearest 1.005 is what "1.005" parses to
    [12.345, true],
    [999999999.999, true],
    [0.0005, false],
    [0.1 + 0.2, false], // 0.30000000000000004
    [Infinity, false],
  ])('%p has at most 3 decimals: %p', (value, expected) => {
    expect(hasAtMostThreeDecimals(value)).toBe(expected);
  });

  it('accepts 0 … MAX only', () => {
    expect([0, 1, MAX_MEASURE_VALUE, -1, 1e9, '1'].map(isMeasureValue)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('adds in thousandths: 0.1 + 0.2 is 0.3, and in any order', () => {
    expect(addMeasureValues(0.1, 0.2)).toBe(0.3);
    expect(addMeasureValues(addMeasureValues(0.3, 0.2), 0.1)).toBe(0.6);
    expect(addMeasureValues(addMeasureValues(0.1, 0.2), 0.3)).toBe(0.6);
    expect(addMeasureValues(null, 1.5)).toBe(1.5);
    expect(addMeasureValues(MAX_MEASURE_VALUE, 0.001)).toBeNull();
  });
});

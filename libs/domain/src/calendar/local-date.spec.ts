import {
  addDays,
  diffDays,
  fromDayNumber,
  isoWeekday,
  isoWeekStart,
  isValidLocalDate,
  parseLocalDate,
  toDayNumber,
} from './local-date';

describe('local dates (civil-date math, no zone)', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false], // 2026 is not a leap year
    ['2028-02-29', true], // 2028 is
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [20260101, false],
  ])('isValidLocalDate(%p) = %p', (value, expected) => {
    expect(isValidLocalDate(value)).toBe(expected);
  });

  it('parseLocalDate rejects 2026-02-30 with a coded error', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_LOCAL_DATE' }),
    );
    expect(parseLocalDate('2026-03-01')).toBe('2026-03-01');
  });

  it.each([
    // [date, days, result]: month, year and leap-day boundaries
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 0, '2026-03-08'], // the DST day is a plain civil day here
    ['1970-01-01', -1, '1969-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('diffDays counts civil days (2026 has 365, 2028 has 366)', () => {
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(365);
    expect(diffDays('2029-01-01', '2028-01-01')).toBe(366);
    expect(diffDays('2026-03-07', '2026-03-09')).toBe(-2);
  });

  it('day numbers start at 1970-01-01 and round-trip', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-11')).toBe(10);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(fromDayNumber(toDayNumber('2400-02-29'))).toBe('2400-02-29');
  });

  it.each([
    // 2026-03-02 is a Monday (calendar), 2026-03-08 a Sunday; 1970-01-01 was a Thursday.
    ['2026-03-02', 1, '2026-03-02'],
    ['2026-03-05', 4, '2026-03-02'],
    ['2026-03-08', 7, '2026-03-02'],
    ['2026-03-09', 1, '2026-03-09'],
    ['1970-01-01', 4, '1969-12-29'],
    ['2027-01-01', 5, '2026-12-28'], // an ISO week across the year end
  ])('%s is ISO weekday %i, week starting %s', (date, weekday, monday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(isoWeekStart(date)).toBe(monday);
  });
});

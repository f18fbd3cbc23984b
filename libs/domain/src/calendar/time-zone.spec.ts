import { isValidTimeZone, nextDayStart, userDayOf } from './time-zone';

const at = (iso: string) => new Date(iso);

describe('time zones', () => {
  it.each([
    ['UTC', true],
    ['America/New_York', true],
    ['Pacific/Kiritimati', true],
    ['Pacific/Chatham', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['+05:00', false],
  ])('isValidTimeZone(%p) = %p', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it('an unknown zone is a coded error, not a crash', () => {
    expect(() => userDayOf(at('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons', 0)).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME_ZONE' }),
    );
    expect(() => userDayOf(at('2026-01-01T00:00:00Z'), 'UTC', 24)).toThrow(
      expect.objectContaining({ code: 'INVALID_DAY_START_HOUR' }),
    );
  });
});

describe('userDayOf: wall-clock date, previous date before dayStartHour', () => {
  it.each([
    // New York spring forward 2026-03-08: 02:00 EST (07:00Z) jumps to 03:00 EDT.
    ['2026-03-08T04:59:59Z', 'America/New_York', 0, '2026-03-07'], // 23:59:59 EST
    ['2026-03-08T05:00:00Z', 'America/New_York', 0, '2026-03-08'], // 00:00 EST
    ['2026-03-08T06:59:59Z', 'America/New_York', 3, '2026-03-07'], // 01:59:59 EST, before 3
    ['2026-03-08T07:00:00Z', 'America/New_York', 3, '2026-03-08'], // 03:00 EDT
    // New York fall back 2026-11-01: 02:00 EDT (06:00Z) goes back to 01:00 EST.
    ['2026-11-01T04:30:00Z', 'America/New_York', 1, '2026-10-31'], // 00:30 EDT, before 1
    ['2026-11-01T05:30:00Z', 'America/New_York', 1, '2026-11-01'], // first 01:30 (EDT)
    ['2026-11-01T06:30:00Z', 'America/New_York', 1, '2026-11-01'], // second 01:30 (EST)
    ['2026-11-01T06:30:00Z', 'America/New_York', 2, '2026-10-31'], // 01:30 EST, before 2
    // Day-start hour 3 on an ordinary EDT day (UTC−4): 02:30 local is still yesterday.
    ['2026-06-10T06:30:00Z', 'America/New_York', 3, '2026-06-09'], // 02:30 EDT
    ['2026-06-10T07:30:00Z', 'America/New_York', 3, '2026-06-10'], // 03:30 EDT
    // Kiritimati is UTC+14, Pago Pago UTC−11: the same instant is two dates apart.
    ['2026-01-01T09:59:00Z', 'Pacific/Kiritimati', 0, '2026-01-01'], // 23:59 +14
    ['2026-01-01T10:00:00Z', 'Pacific/Kiritimati', 0, '2026-01-02'], // 00:00 +14
    ['2026-01-01T10:30:00Z', 'Pacific/Pago_Pago', 0, '2025-12-31'], // 23:30 −11
    ['2026-01-01T11:00:00Z', 'Pacific/Pago_Pago', 0, '2026-01-01'], // 00:00 −11
    // Kiritimati skipped 1994-12-31 entirely (moved from −10 to +14).
    ['1994-12-31T09:59:59Z', 'Pacific/Kiritimati', 0, '1994-12-30'],
    ['1994-12-31T10:00:00Z', 'Pacific/Kiritimati', 0, '1995-01-01'],
  ])('%s in %s with day start %i is %s', (instant, zone, hour, expected) => {
    expect(userDayOf(at(instant), zone, hour)).toBe(expected);
  });
});

describe('nextDayStart: the instant the next user day begins', () => {
  it.each([
    // Spring forward: 03-08 starts at 00:00 EST = 05:00Z, 03-09 at 00:00 EDT = 04:00Z (a 23 h day).
    ['2026-03-07T12:00:00Z', 'America/New_York', 0, '2026-03-08T05:00:00.000Z'],
    ['2026-03-08T12:00:00Z', 'America/New_York', 0, '2026-03-09T04:00:00.000Z'],
    // Day start 2 on 03-08: 02:00 never happens; the day starts at the jump (07:00Z),
    // the same instant as day start 3 (03:00 EDT).
    ['2026-03-07T12:00:00Z', 'America/New_York', 2, '2026-03-08T07:00:00.000Z'],
    ['2026-03-07T12:00:00Z', 'America/New_York', 3, '2026-03-08T07:00:00.000Z'],
    // Fall back: 11-01 01:00 happens twice (05:00Z EDT, 06:00Z EST); the first counts.
    ['2026-10-31T16:00:00Z', 'America/New_York', 1, '2026-11-01T05:00:00.000Z'],
    // 11-01 02:00 happens once, in EST (07:00Z); 11-02 00:00 EST is 05:00Z (11-01 lasts 25 h).
    ['2026-10-31T16:00:00Z', 'America/New_York', 2, '2026-11-01T07:00:00.000Z'],
    ['2026-11-01T17:00:00Z', 'America/New_York', 0, '2026-11-02T05:00:00.000Z'],
    // Day start 3 at 02:30 EDT (user day 06-09): the next day starts 06-10 03:00 EDT = 07:00Z;
    // at 03:30 EDT (user day 06-10) it is 06-11 03:00 EDT.
    ['2026-06-10T06:30:00Z', 'America/New_York', 3, '2026-06-10T07:00:00.000Z'],
    ['2026-06-10T07:30:00Z', 'America/New_York', 3, '2026-06-11T07:00:00.000Z'],
    // Kiritimati (+14) and Pago Pago (−11): local midnight is 10:00Z and 11:00Z.
    ['2026-01-01T00:00:00Z', 'Pacific/Kiritimati', 0, '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'Pacific/Pago_Pago', 0, '2026-01-01T11:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'Pacific/Pago_Pago', 5, '2026-01-01T16:00:00.000Z'],
    // Kiritimati 1994-12-30 (−10): the next date, 12-31, never existed; 1995-01-01 starts
    // at the jump, 1994-12-31T10:00Z.
    ['1994-12-30T22:00:00Z', 'Pacific/Kiritimati', 0, '1994-12-31T10:00:00.000Z'],
    // Keeps milliseconds out: an instant just before the start still gets the exact start.
    ['2026-01-01T09:59:59.999Z', 'Pacific/Kiritimati', 0, '2026-01-01T10:00:00.000Z'],
  ])('after %s in %s with day start %i: %s', (instant, zone, hour, expected) => {
    expect(nextDayStart(at(instant), zone, hour).toISOString()).toBe(expected);
  });

  it('the next day start is the first instant of the next user day', () => {
    const start = nextDayStart(at('2026-03-07T12:00:00Z'), 'America/New_York', 2);
    expect(userDayOf(start, 'America/New_York', 2)).toBe('2026-03-08');
    expect(userDayOf(new Date(start.getTime() - 1), 'America/New_York', 2)).toBe('2026-03-07');
  });
});

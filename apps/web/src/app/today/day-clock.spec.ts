import { delayUntilNextDay, formatLocalDate } from './day-clock';

describe('day clock', () => {
  it('formats the user’s day without shifting it into the browser’s zone', () => {
    expect(formatLocalDate('2026-11-25', 'en-GB')).toBe('Wednesday 25 November');
    expect(formatLocalDate('2026-01-01', 'en-US')).toBe('Thursday, January 1');
  });

  it('waits until just after the next day start', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(delayUntilNextDay('2026-11-25T11:00:00Z', now)).toBe(3_600_000 + 1_000);
    expect(delayUntilNextDay('2026-11-25T09:00:00Z', now)).toBe(1_000);
    expect(delayUntilNextDay('not a date', now)).toBe(1_000);
  });
});

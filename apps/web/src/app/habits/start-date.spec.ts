import { latestStartDate, startDateHint } from './start-date';

// Today is Wednesday 2 December 2026.
const TODAY = '2026-12-02';

describe('start date', () => {
  it('accepts a start at most 365 days after today', () => {
    // 2 Dec 2026 + 365 days = 2 Dec 2027 (2027 is not a leap year).
    expect(latestStartDate(TODAY)).toBe('2027-12-02');
    expect(latestStartDate('')).toBeNull();
  });

  it('says when a future start shows up, and nothing past the limit', () => {
    expect(startDateHint('2026-12-10', TODAY, null)).toMatch(/^Starts on .*: it shows on Today/);
    expect(startDateHint('2027-12-03', TODAY, null)).toBeNull();
  });

  it('counts the days that moving the start back makes missed', () => {
    // Saved start 28 Nov, new start 25 Nov: 25, 26, 27 Nov become due = 3 days.
    expect(startDateHint('2026-11-25', TODAY, '2026-11-28')).toMatch(/^The 3 days from /);
    // Saved start in the future (10 Dec): the days up to yesterday (1 Dec) count: 29 Nov–1 Dec.
    expect(startDateHint('2026-11-29', TODAY, '2026-12-10')).toMatch(/^The 3 days from /);
    expect(startDateHint('2026-12-01', TODAY, '2026-12-02')).toMatch(/^The day from /);
    expect(startDateHint('2026-11-28', TODAY, '2026-11-28')).toBeNull();
    expect(startDateHint('2026-11-28', TODAY, null)).toBeNull();
  });
});

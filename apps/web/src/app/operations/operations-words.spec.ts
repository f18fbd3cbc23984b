import { formatAge, formatCounts, formatDuration, jobLabel } from './operations-words';

describe('operations words', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [850, '850 ms'],
    [1234, '1.23 s'],
    [12_340, '12.3 s'],
    [120_000, '2 min'],
    [125_000, '2 min 5 s'],
  ])('formatDuration(%s) = %s', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });

  it.each([
    [{}, 'nothing to do'],
    [{ users: 1 }, '1 user'],
    [{ users: 3, habitsChanged: 1 }, '3 users · 1 habit changed'],
    [{ emails: 2, nudged: 0 }, '0 nudges · 2 e-mails'],
    [{ other: 5 }, '5 other'],
  ])('formatCounts(%j) = %s', (counts, words) => {
    expect(formatCounts(counts)).toBe(words);
  });

  it.each([
    [0, 'now'],
    [45, '45 s'],
    [180, '3 min'],
    [7500, '2 h 5 min'],
    [7200, '2 h'],
    [3 * 86_400 + 5, '3 d'],
  ])('formatAge(%s) = %s', (seconds, words) => {
    expect(formatAge(seconds)).toBe(words);
  });

  it('names the jobs in words, and unknown ones readably', () => {
    expect(jobLabel('day_rollover')).toBe('Day rollover');
    expect(jobLabel('webhook_delivery')).toBe('webhook delivery');
  });
});

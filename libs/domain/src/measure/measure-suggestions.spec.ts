import { HabitHistory } from '../habit/habit-history';
import { computeHabitStats } from '../stats/habit-stats';
import { evaluateSuggestions } from '../suggestions/evaluate-suggestions';
import { measurable, target, valuesFrom } from '../testing/habit-fixtures';
import { movedTargetValue } from './measure-suggestions';

const suggest = (h: HabitHistory, today: string) =>
  evaluateSuggestions(h, today, computeHabitStats(h, today));
const summary = (h: HabitHistory, today: string) =>
  suggest(h, today).map((s) => ({ type: s.type, change: s.change }));

describe('movedTargetValue: ±20 % / ±10 %, 2 significant digits (half up), 3 decimals', () => {
  it.each<[number, number, 'at_least' | 'at_most', number | null]>([
    [8, -20, 'at_least', 6.4],
    [10, -20, 'at_least', 8],
    [12, -20, 'at_least', 9.6],
    [15.625, -20, 'at_least', 13], // 12.5 → 13
    [333, -20, 'at_least', 270], // 266.4 → 270
    [8, 10, 'at_least', 8.8],
    [95, 10, 'at_least', 100], // 104.5 → 100
    [1234, 10, 'at_least', 1400], // 1357.4 → 1400
    [0.003, -20, 'at_least', 0.002], // 0.0024 → 3 decimals
    [0.001, -20, 'at_least', null], // 0.0008 → 0.001: unchanged
    [0.001, 10, 'at_least', null], // 0.0011 → 0.001: unchanged
    [2, 20, 'at_most', 2.4],
    [2, -10, 'at_most', 1.8],
    [0.5, -10, 'at_most', 0.45],
    [0, 20, 'at_most', null], // 0 stays 0
    [999999999.999, 20, 'at_most', null], // beyond numeric(12,3)
  ])('%p moved %p%% (%s) is %p', (value, percent, type, expected) => {
    expect(movedTargetValue(value, percent, type)).toBe(expected);
  });
});

describe('suggestions move a measurable target (March 2026)', () => {
  // At least 8 glasses a day from 03-02: 03-02..03-15 met only on 02, 04, 10 (8 each), 5 on
  // the other days; today 03-16 pending. Failure 11/14 = 0.79 > 0.5; consistency 3/14 = 21.
  const struggling = measurable({
    start: '2026-03-02',
    unit: 'glasses',
    target: target('at_least', 8, 'day'),
    logs: valuesFrom('2026-03-02', [8, 5, 8, 5, 5, 5, 5, 5, 8, 5, 5, 5, 5, 5]),
  });

  it('at_least failing: target −20 % and one step easier', () => {
    expect(summary(struggling, '2026-03-16')).toEqual([
      { type: 'reduce_frequency', change: { target: target('at_least', 6.4, 'day') } },
      { type: 'easier_difficulty', change: { difficulty: 'easy' } },
    ]);
    expect(suggest(struggling, '2026-03-16')[0]).toMatchObject({
      suggestedFrequency: 'at least 6.4 glasses a day',
      message: expect.stringContaining('at least 6.4 glasses a day'),
    });
  });

  it('at_most failing: the limit +20 %', () => {
    // At most 2 coffees a day: 3 on 10 of the 14 days → failure 10/14.
    const coffees = measurable({
      start: '2026-03-02',
      unit: 'coffees',
      target: target('at_most', 2, 'day'),
      logs: valuesFrom('2026-03-02', [3, 3, 3, 1, 3, 3, 3, 1, 3, 3, 3, 1, 3, 1]),
      difficulty: 'easy',
    });
    expect(summary(coffees, '2026-03-16')).toEqual([
      { type: 'reduce_frequency', change: { target: target('at_most', 2.4, 'day') } },
    ]);
    expect(suggest(coffees, '2026-03-16')[0].suggestedFrequency).toBe('at most 2.4 coffees a day');
  });

  it('level_up: 30 days old and ≥ 90 % consistent moves the target 10 % the other way', () => {
    // Met every day 02-01..03-15 (43 days); today 03-16 pending; consistency 100.
    const steady = (t: ReturnType<typeof target>, value: number) =>
      measurable({
        start: '2026-02-01',
        unit: 'units',
        target: t,
        logs: valuesFrom(
          '2026-02-01',
          Array.from({ length: 43 }, () => value),
        ),
      });
    expect(summary(steady(target('at_least', 8, 'day'), 8), '2026-03-16')).toEqual([
      { type: 'level_up', change: { target: target('at_least', 8.8, 'day') } },
    ]);
    expect(summary(steady(target('at_most', 2, 'day'), 1), '2026-03-16')).toEqual([
      { type: 'level_up', change: { target: target('at_most', 1.8, 'day') } },
    ]);
    // A limit of 0 cannot go lower: a message only.
    expect(suggest(steady(target('at_most', 0, 'day'), 0), '2026-03-16')).toEqual([
      {
        type: 'level_up',
        message: '100% consistent at the strictest target. Keep it up!',
        change: null,
      },
    ]);
  });

  it('week targets need 7 counted days behind the window', () => {
    // At least 20 km a week, nothing logged. From Mon 03-02, as of Sun 03-08: the week is
    // current and pending, nothing judged. As of Mon 03-09: W1 (7 days) failed.
    const fromMonday = measurable({
      start: '2026-03-02',
      unit: 'km',
      target: target('at_least', 20, 'week'),
    });
    expect(suggest(fromMonday, '2026-03-08')).toEqual([]);
    expect(summary(fromMonday, '2026-03-09')).toEqual([
      { type: 'reduce_frequency', change: { target: target('at_least', 16, 'week') } },
      { type: 'easier_difficulty', change: { difficulty: 'easy' } },
    ]);
    // From Wed 03-04, W1 has only 5 counted days: not yet.
    expect(suggest({ ...fromMonday, startDate: '2026-03-04' }, '2026-03-09')).toEqual([]);
  });

  it('restart_small speaks in months', () => {
    // At most 8 a month from 2025-07-01: Jul..Jan met (7 months), Feb 9 failed; today 03-05.
    // Window: Dec, Jan met, Feb failed → failure 0.33, consistency 67: only restart_small.
    const h = measurable({
      start: '2025-07-01',
      target: target('at_most', 8, 'month'),
      logs: valuesFrom('2026-02-10', [9]),
    });
    expect(computeHabitStats(h, '2026-03-05')).toMatchObject({
      currentStreak: 0,
      longestStreak: 7,
    });
    expect(suggest(h, '2026-03-05')).toEqual([
      {
        type: 'restart_small',
        message: 'You once kept this up for 7 months. Restart small: switch to easy for now.',
        change: { difficulty: 'easy' },
      },
    ]);
  });
});

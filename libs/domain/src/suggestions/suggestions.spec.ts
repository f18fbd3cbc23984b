import { HabitHistory } from '../habit/habit-history';
import { computeHabitStats } from '../stats/habit-stats';
import { daily, everyNDays, habit, logsFrom, onWeekdays, weekly } from '../testing/habit-fixtures';
import { evaluateSuggestions, findSuggestion } from './evaluate-suggestions';
import { SuggestionType } from './suggestion';

const suggest = (h: HabitHistory, today: string, dismissed: SuggestionType[] = []) =>
  evaluateSuggestions(h, today, computeHabitStats(h, today), dismissed);
const summary = (h: HabitHistory, today: string, dismissed: SuggestionType[] = []) =>
  suggest(h, today, dismissed).map((s) => ({ type: s.type, change: s.change }));

describe('suggestion rules (March 2026; 03-02 is a Monday)', () => {
  // Daily from 03-02; 14 days 03-02..03-15: done 03-02, 03-04, 03-10; today 03-16 pending.
  // failure 11/14 = 0.79 > 0.5; consistency 3/14 = 21 < 30; longest 1.
  const struggling = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'D.D.....D.....') });

  it('daily with failure > 0.5 and consistency < 30: weekly 5 and one step easier', () => {
    expect(summary(struggling, '2026-03-16')).toEqual([
      {
        type: 'reduce_frequency',
        change: { frequency: 'weekly', timesPerWeek: 5, daysOfWeek: null, intervalDays: null },
      },
      { type: 'easier_difficulty', change: { difficulty: 'easy' } },
    ]);
    expect(suggest(struggling, '2026-03-16')[0].suggestedFrequency).toBe('5 times a week');
  });

  it('needs ≥ 7 expected occurrences: 6 missed days say nothing, 7 do', () => {
    const nothing = habit({ start: '2026-03-02' });
    expect(suggest(nothing, '2026-03-08')).toEqual([]); // 03-02..03-07 = 6 expected
    expect(suggest(nothing, '2026-03-09').map((s) => s.type)).toEqual([
      'reduce_frequency',
      'easier_difficulty',
    ]);
  });

  it('needs an active or at-risk habit', () => {
    expect(suggest({ ...struggling, userStatus: 'archived' }, '2026-03-16')).toEqual([]);
  });

  it('hides dismissed types; apply finds only a suggestion that still holds', () => {
    expect(summary(struggling, '2026-03-16', ['reduce_frequency']).map((s) => s.type)).toEqual([
      'easier_difficulty',
    ]);
    expect(
      findSuggestion(
        struggling,
        '2026-03-16',
        computeHabitStats(struggling, '2026-03-16'),
        'level_up',
      ),
    ).toBeNull();
  });

  it('easy already: no easier_difficulty', () => {
    expect(summary({ ...struggling, difficulty: 'easy' }, '2026-03-16').map((s) => s.type)).toEqual(
      ['reduce_frequency'],
    );
  });

  it('weekly n → n − 1; weekly 1 cannot go lower', () => {
    // 3/week from 02-02, nothing done; today Wed 03-11: past 4 weeks 0 of 3 each → failure 1,
    // expected 12 ≥ 7, consistency 0.
    const h = habit({ start: '2026-02-02', schedules: [weekly('2026-02-02', 3)] });
    expect(summary(h, '2026-03-11')).toEqual([
      { type: 'reduce_frequency', change: { timesPerWeek: 2 } },
      { type: 'easier_difficulty', change: { difficulty: 'easy' } },
    ]);
    // 1/week: past 4 weeks quota 1 each → expected 4 < 7: no suggestion at all.
    expect(suggest({ ...h, schedules: [weekly('2026-02-02', 1)] }, '2026-03-11')).toEqual([]);
    // 2/week: expected 8; 2 → 1.
    expect(summary({ ...h, schedules: [weekly('2026-02-02', 2)] }, '2026-03-11')[0]).toEqual({
      type: 'reduce_frequency',
      change: { timesPerWeek: 1 },
    });
  });

  it('custom weekdays: drops the most-missed weekday', () => {
    // Mon/Wed/Fri from 03-02, today Mon 03-30. Due 03-02..03-27: 4 Mondays (all done),
    // 4 Wednesdays (03-04 done, 3 missed), 4 Fridays (all missed): failure 7/12 = 0.58.
    const logs = logsFrom('2026-03-02', 'D.D.... D...... D...... D......');
    const h = habit({
      start: '2026-03-02',
      schedules: [onWeekdays('2026-03-02', [1, 3, 5])],
      logs,
    });
    const [first] = suggest(h, '2026-03-30');
    expect(first).toMatchObject({
      type: 'reduce_frequency',
      change: { daysOfWeek: [1, 3] },
      suggestedFrequency: 'Mon, Wed',
    });
    // With only two weekdays nothing can be dropped.
    const two = { ...h, schedules: [onWeekdays('2026-03-02', [1, 5])] };
    expect(suggest(two, '2026-03-30').map((s) => s.type)).not.toContain('reduce_frequency');
  });

  it('every N days → N + 1', () => {
    // Every 2 days from 03-02, nothing done; today 03-30: 14 missed due days.
    const h = habit({ start: '2026-03-02', schedules: [everyNDays('2026-03-02', 2)] });
    expect(suggest(h, '2026-03-30')[0]).toMatchObject({
      change: { intervalDays: 3 },
      suggestedFrequency: 'every 3 days',
    });
  });

  it('restart_small: longest ≥ 7 and current 0 → easy, or a message only', () => {
    // Done 03-02..03-11 (10), missed 03-12 and a missed log 03-13; today 03-14.
    // failure 2/12, consistency 83: only restart_small holds.
    const h = habit({ start: '2026-03-02', logs: logsFrom('2026-03-02', 'DDDDDDDDDD.M') });
    expect(summary(h, '2026-03-14')).toEqual([
      { type: 'restart_small', change: { difficulty: 'easy' } },
    ]);
    expect(summary({ ...h, difficulty: 'easy' }, '2026-03-14')).toEqual([
      { type: 'restart_small', change: null },
    ]);
  });

  it('level_up: consistency ≥ 90 and ≥ 30 days old → harder, else weekly n + 1, else message', () => {
    // Daily from 02-01, done every day to 03-02; today 03-03 is 30 days after 02-01.
    const h = habit({
      start: '2026-02-01',
      schedules: [daily('2026-02-01')],
      logs: logsFrom('2026-02-01', 'D'.repeat(30)),
    });
    expect(summary(h, '2026-03-03')).toEqual([
      { type: 'level_up', change: { difficulty: 'hard' } },
    ]);
    expect(summary({ ...h, difficulty: 'hard' }, '2026-03-03')).toEqual([
      { type: 'level_up', change: null },
    ]);
    expect(suggest(h, '2026-03-02')).toEqual([]); // 29 days old
    // Weekly 3, hard, 3 done every week since 02-02; today Wed 03-04 (30 days): past 4 weeks
    // 3 of 3, current week 1 done → 13 of 13 = 100%.
    const w = habit({
      start: '2026-02-02',
      difficulty: 'hard',
      schedules: [weekly('2026-02-02', 3)],
      logs: logsFrom('2026-02-02', 'DDD.... DDD.... DDD.... DDD.... D'),
    });
    expect(summary(w, '2026-03-04')).toEqual([{ type: 'level_up', change: { timesPerWeek: 4 } }]);
  });
});

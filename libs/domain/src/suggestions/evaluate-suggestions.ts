import { LocalDate, toDayNumber, weekdayOfDayNumber } from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import { isScheduledDay, prepareHabit } from '../habit/prepared-habit';
import { isMeasurable, prepareMeasure } from '../measure/measure-period';
import { measureWindowOf } from '../measure/measure-stats';
import { ScheduleVersion } from '../schedule/schedule';
import { consistencyWindowOf, CONSISTENCY_DAYS } from '../stats/consistency';
import { HabitStats } from '../stats/habit-stats';
import { dayOutcome } from '../stats/occurrences';
import { easierDifficultyRule } from './easier-difficulty.rule';
import { levelUpRule } from './level-up.rule';
import { reduceFrequencyRule } from './reduce-frequency.rule';
import { restartSmallRule } from './restart-small.rule';
import { Suggestion, SuggestionContext, SuggestionRule, SuggestionType } from './suggestion';

export const MIN_EXPECTED_OCCURRENCES = 7;

const RULES: readonly SuggestionRule[] = [
  reduceFrequencyRule,
  easierDifficultyRule,
  restartSmallRule,
  levelUpRule,
];

/** The schedule in force on `today` (the latest entry on or before it, else the first). */
export function scheduleInForce(history: HabitHistory, today: LocalDate): ScheduleVersion {
  let current: ScheduleVersion | undefined;
  let first: ScheduleVersion | undefined;
  for (const schedule of history.schedules) {
    if (!first || schedule.effectiveFrom < first.effectiveFrom) first = schedule;
    if (
      schedule.effectiveFrom <= today &&
      (!current || schedule.effectiveFrom >= current.effectiveFrom)
    ) {
      current = schedule;
    }
  }
  const result = current ?? first;
  if (!result) throw new Error('A habit needs at least one schedule version.');
  return result;
}

/**
 * SPEC §3 "Suggestions": when the habit is active or at risk and had ≥ 7 expected occurrences
 * (consistency's `expected`), every rule that holds, in a fixed order, minus dismissed types.
 * A measurable habit's occurrences are the days behind its window (a `week` or `month` window
 * holds 5 or 4 periods at most, so its periods' counted days are what is counted).
 */
export function evaluateSuggestions(
  history: HabitHistory,
  today: LocalDate,
  stats: HabitStats,
  dismissedTypes: readonly SuggestionType[] = [],
): Suggestion[] {
  if (stats.status !== 'active' && stats.status !== 'at_risk') return [];
  const missedByWeekday = new Array<number>(8).fill(0);
  if (isMeasurable(history)) {
    // A measurable habit's rules move its target: no weekday to drop (missedByWeekday stays 0).
    const measure = prepareMeasure(history, toDayNumber(today));
    if (measureWindowOf(measure).occurrences < MIN_EXPECTED_OCCURRENCES) return [];
  } else {
    const habit = prepareHabit(history, toDayNumber(today));
    if (consistencyWindowOf(habit).expected < MIN_EXPECTED_OCCURRENCES) return [];
    for (
      let day = Math.max(habit.start, habit.today - (CONSISTENCY_DAYS - 1));
      day <= habit.today;
      day++
    ) {
      if (isScheduledDay(habit, day) && dayOutcome(habit, day) === 'missed')
        missedByWeekday[weekdayOfDayNumber(day)]++;
    }
  }
  const context: SuggestionContext = {
    history,
    today,
    stats,
    schedule: scheduleInForce(history, today),
    missedByWeekday,
  };
  return RULES.map((rule) => rule(context)).filter(
    (suggestion): suggestion is Suggestion =>
      suggestion !== null && !dismissedTypes.includes(suggestion.type),
  );
}

/** The one suggestion of `type` that still holds (for `POST …/apply`; null means 409). */
export function findSuggestion(
  history: HabitHistory,
  today: LocalDate,
  stats: HabitStats,
  type: SuggestionType,
): Suggestion | null {
  return (
    evaluateSuggestions(history, today, stats).find((suggestion) => suggestion.type === type) ??
    null
  );
}

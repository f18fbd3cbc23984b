import { diffDays } from '../calendar/local-date';
import { raiseTargetRule } from '../measure/measure-suggestions';
import { DIFFICULTY_ORDER, Suggestion, SuggestionContext, timesPerWeekText } from './suggestion';

export const LEVEL_UP_MIN_AGE_DAYS = 30;

/**
 * level_up (consistency ≥ 90, habit ≥ 30 days old, counted from the earlier of startDate and
 * the creation day): one difficulty step up, else weekly n + 1, else a message only. A
 * measurable habit's target moves 10 % instead (SPEC §6; see measure-suggestions.ts).
 */
export function levelUpRule(context: SuggestionContext): Suggestion | null {
  const { stats, history, schedule, today } = context;
  if (stats.consistencyScore === null || stats.consistencyScore < 90) return null;
  const since = history.startDate < history.createdOn ? history.startDate : history.createdOn;
  if (diffDays(today, since) < LEVEL_UP_MIN_AGE_DAYS) return null;
  if (history.kind === 'measure') return raiseTargetRule(context);
  const index = DIFFICULTY_ORDER.indexOf(history.difficulty);
  if (index < DIFFICULTY_ORDER.length - 1) {
    const difficulty = DIFFICULTY_ORDER[index + 1];
    return {
      type: 'level_up',
      message: `${stats.consistencyScore}% consistent: ready for ${difficulty}?`,
      change: { difficulty },
    };
  }
  const times = schedule.timesPerWeek;
  if (schedule.frequency === 'weekly' && times !== null && times < 7) {
    return {
      type: 'level_up',
      message: `${stats.consistencyScore}% consistent: ready for ${timesPerWeekText(times + 1)}?`,
      change: { timesPerWeek: times + 1 },
    };
  }
  return {
    type: 'level_up',
    message: `${stats.consistencyScore}% consistent at the hardest level. Keep it up!`,
    change: null,
  };
}

import { reduceTargetRule } from '../measure/measure-suggestions';
import {
  HabitChange,
  SuggestionContext,
  Suggestion,
  timesPerWeekText,
  WEEKDAY_NAMES,
} from './suggestion';

/** The weekday with the most misses (ties: the earliest in the week). */
function mostMissedWeekday(daysOfWeek: number[], missedByWeekday: number[]): number {
  return daysOfWeek.reduce(
    (best, day) => (missedByWeekday[day] > missedByWeekday[best] ? day : best),
    daysOfWeek[0],
  );
}

/**
 * reduce_frequency (failure rate > 0.5): daily → weekly 5; weekly n → n − 1 (n ≥ 2); custom
 * weekdays → drop the most-missed weekday if ≥ 2 remain; every N days → N + 1 (N + 1 ≤ 365).
 * No suggestion when the schedule cannot be reduced that way. A measurable habit's target
 * moves instead (SPEC §6; see measure-suggestions.ts).
 */
export function reduceFrequencyRule(context: SuggestionContext): Suggestion | null {
  if (context.history.kind === 'measure') return reduceTargetRule(context);
  const { stats, schedule, missedByWeekday } = context;
  if (stats.failureRate === null || stats.failureRate <= 0.5) return null;
  let change: HabitChange;
  let suggestedFrequency: string;
  if (schedule.frequency === 'daily') {
    change = { frequency: 'weekly', timesPerWeek: 5, daysOfWeek: null, intervalDays: null };
    suggestedFrequency = timesPerWeekText(5);
  } else if (schedule.frequency === 'weekly') {
    const times = schedule.timesPerWeek ?? 1;
    if (times < 2) return null;
    change = { timesPerWeek: times - 1 };
    suggestedFrequency = timesPerWeekText(times - 1);
  } else if (schedule.daysOfWeek) {
    if (schedule.daysOfWeek.length < 3) return null;
    const dropped = mostMissedWeekday(schedule.daysOfWeek, missedByWeekday);
    const remaining = schedule.daysOfWeek.filter((day) => day !== dropped);
    change = { daysOfWeek: remaining };
    suggestedFrequency = remaining.map((day) => WEEKDAY_NAMES[day]).join(', ');
  } else {
    const interval = schedule.intervalDays ?? 2;
    if (interval + 1 > 365) return null;
    change = { intervalDays: interval + 1 };
    suggestedFrequency = `every ${interval + 1} days`;
  }
  return {
    type: 'reduce_frequency',
    message: `You miss this habit more often than you do it: try ${suggestedFrequency} for now.`,
    change,
    suggestedFrequency,
  };
}

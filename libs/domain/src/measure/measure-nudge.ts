import { LocalDate, toDayNumber } from '../calendar/local-date';
import { isDueDay } from '../habit/due';
import { HabitHistory } from '../habit/habit-history';
import { measureOccurrences, prepareMeasure } from './measure-period';
import { currentPeriodOf } from './measure-stats';

/**
 * The nudge rule's measurable part (the caller checks status and age): due today with nothing
 * logged today, the current period not met yet, and the last 2 past periods (due days, weeks
 * or months; neutral ones transparent) failed.
 */
export function isMeasureNudgeDue(history: HabitHistory, today: LocalDate): boolean {
  const measure = prepareMeasure(history, toDayNumber(today));
  const day = measure.habit.today;
  if (measure.values.has(day) || measure.skips.has(day) || !isDueDay(measure.habit, day))
    return false;
  if (currentPeriodOf(measure).outcome === 'met') return false;
  const past = measureOccurrences(measure).filter(
    (o) => o.end < day && (o.outcome === 'met' || o.outcome === 'failed'),
  );
  const lastTwo = past.slice(-2);
  return lastTwo.length === 2 && lastTwo.every((o) => o.outcome === 'failed');
}

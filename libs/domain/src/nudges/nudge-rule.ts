import { diffDays, LocalDate, toDayNumber } from '../calendar/local-date';
import { isDueDay } from '../habit/due';
import { HabitHistory } from '../habit/habit-history';
import { prepareHabit, segmentAt } from '../habit/prepared-habit';
import { isMeasureNudgeDue } from '../measure/measure-nudge';
import { isMeasurable } from '../measure/measure-period';
import { buildOccurrences } from '../stats/occurrences';

/** A habit is nudged only once it has existed this many days. */
export const NUDGE_MIN_AGE_DAYS = 2;

/**
 * SPEC §3 "Nudges": nudge on `today` when the habit is active or at risk, due today with no
 * log today, created ≥ 2 days ago, and its last 2 due occurrences before today were not done
 * (a weekly habit: its last 2 past weeks failed; neutral weeks are transparent; a measurable
 * habit: its last 2 past periods failed, see measure-nudge.ts).
 */
export function isNudgeDue(history: HabitHistory, today: LocalDate): boolean {
  if (history.userStatus !== 'active') return false;
  if (diffDays(today, history.createdOn) < NUDGE_MIN_AGE_DAYS) return false;
  if (isMeasurable(history)) return isMeasureNudgeDue(history, today);
  const habit = prepareHabit(history, toDayNumber(today));
  if (habit.logs.has(habit.today) || !isDueDay(habit, habit.today)) return false;
  const weekly = segmentAt(habit, habit.today).unit === 'week';
  const past = buildOccurrences(habit)
    .flatMap((s) => s.occurrences)
    .filter((o) => (weekly ? o.outcome === 'met' || o.outcome === 'failed' : o.day < habit.today));
  const lastTwo = past.slice(-2);
  return (
    lastTwo.length === 2 &&
    lastTwo.every((o) => (weekly ? o.outcome === 'failed' : o.outcome !== 'done'))
  );
}

import { weekStartOfDayNumber } from '../calendar/local-date';
import { isScheduledDay, PreparedHabit, segmentAt } from '../habit/prepared-habit';
import { evaluateWeek } from '../habit/week';
import { dayOutcome } from './occurrences';

export const CONSISTENCY_DAYS = 30;
export const CONSISTENCY_PAST_WEEKS = 4;

/** The counts behind consistency and failure rate, over the SPEC's window ending today. */
export interface ConsistencyWindow {
  expected: number;
  completions: number;
  /** Failure rate's numerator and its other term (missed / (missed + done)). */
  failed: number;
  succeeded: number;
}

/**
 * Daily/custom: the 30 local days ending today, clipped to startDate; expected = due days
 * (by the day-based schedule in force that day) not skipped and not a pending today;
 * completions = done among them; failure rate = missed / (done + missed) over them.
 */
export function dayBasedWindow(habit: PreparedHabit): ConsistencyWindow {
  const window = { expected: 0, completions: 0, failed: 0, succeeded: 0 };
  const first = Math.max(habit.start, habit.today - (CONSISTENCY_DAYS - 1));
  for (let day = first; day <= habit.today; day++) {
    if (!isScheduledDay(habit, day)) continue;
    const outcome = dayOutcome(habit, day);
    if (outcome === 'done') {
      window.expected++;
      window.completions++;
      window.succeeded++;
    } else if (outcome === 'missed') {
      window.expected++;
      window.failed++;
    }
  }
  return window;
}

/**
 * Weekly: the 4 previous ISO weeks plus the current one, each against the weekly schedule in
 * force today; expected = Σ quota(past 4) + min(quota(current), done(current)), completions =
 * Σ min(done, quota); failure rate = Σ max(0, quota − done) over the past 4 ÷ (that +
 * Σ min(done, quota) over them).
 */
export function weeklyWindow(habit: PreparedHabit): ConsistencyWindow {
  const window = { expected: 0, completions: 0, failed: 0, succeeded: 0 };
  const segment = segmentAt(habit, habit.today);
  const currentMonday = weekStartOfDayNumber(habit.today);
  for (let k = 0; k <= CONSISTENCY_PAST_WEEKS; k++) {
    const week = evaluateWeek(habit, segment, currentMonday - 7 * k);
    const completed = Math.min(week.done, week.quota);
    window.completions += completed;
    if (k === 0) {
      window.expected += completed;
    } else {
      window.expected += week.quota;
      window.failed += Math.max(0, week.quota - week.done);
      window.succeeded += completed;
    }
  }
  return window;
}

export function consistencyWindowOf(habit: PreparedHabit): ConsistencyWindow {
  return segmentAt(habit, habit.today).unit === 'week'
    ? weeklyWindow(habit)
    : dayBasedWindow(habit);
}

/** 100 × completions / expected, rounded half-up; null when nothing was expected. */
export function consistencyScore(window: ConsistencyWindow): number | null {
  if (window.expected === 0) return null;
  return Math.floor((200 * window.completions + window.expected) / (2 * window.expected));
}

/** failed / (failed + succeeded), rounded half-up to 4 decimals; null when both are 0. */
export function failureRate(window: ConsistencyWindow): number | null {
  const total = window.failed + window.succeeded;
  if (total === 0) return null;
  return Math.floor((20000 * window.failed + total) / (2 * total)) / 10000;
}

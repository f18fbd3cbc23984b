import {
  fromDayNumber,
  LocalDate,
  toDayNumber,
  weekStartOfDayNumber,
} from '../calendar/local-date';
import { HabitHistory } from './habit-history';
import {
  FAR_FUTURE,
  isScheduledDay,
  isWeeklyCountedDay,
  PreparedHabit,
  prepareHabit,
  segmentAt,
  versionAt,
} from './prepared-habit';
import { evaluateWeek } from './week';

/**
 * Whether a day is due for a prepared habit: from startDate on, never paused; day-based by
 * its schedule; weekly while the week's done count before that day is under its quota.
 */
export function isDueDay(habit: PreparedHabit, day: number): boolean {
  if (versionAt(habit, day).frequency !== 'weekly') return isScheduledDay(habit, day);
  const segment = segmentAt(habit, day);
  if (!isWeeklyCountedDay(habit, segment, day)) return false;
  const monday = weekStartOfDayNumber(day);
  const week = evaluateWeek(habit, segment, monday);
  let doneBefore = 0;
  for (let d = monday; d < day; d++) {
    if (isWeeklyCountedDay(habit, segment, d) && habit.logs.get(d) === 'done') doneBefore++;
  }
  return doneBefore < week.quota;
}

/** Is `day` due, judged with everything the history holds (schedule in force that day). */
export function isDue(history: HabitHistory, day: LocalDate): boolean {
  return isDueDay(prepareHabit(history, FAR_FUTURE), toDayNumber(day));
}

/** Is the user's today due for this habit (as of today: later schedule entries ignored). */
export function dueToday(history: HabitHistory, today: LocalDate): boolean {
  const day = toDayNumber(today);
  return isDueDay(prepareHabit(history, day), day);
}

/** Bounded search horizon after the last pause: every schedule repeats within 365 days. */
const HORIZON_DAYS = 800;

export function nextDueDay(habit: PreparedHabit): number | null {
  let day = Math.max(habit.today, habit.start);
  const lastPauseEnd = habit.pauses.reduce((max, pause) => Math.max(max, pause.to), -Infinity);
  const limit = Math.max(day, lastPauseEnd) + HORIZON_DAYS;
  while (day <= limit) {
    const pause = habit.pauses.find((p) => p.from <= day && day <= p.to);
    if (pause) {
      if (pause.to === Infinity) return null;
      day = pause.to + 1;
      continue;
    }
    const version = versionAt(habit, day);
    if (version.frequency !== 'weekly') {
      if (isScheduledDay(habit, day)) return day;
      day++;
      continue;
    }
    // Weekly: today while the week's quota is open (today's own log included), else the
    // first counted day of a later week whose quota is open.
    const segment = segmentAt(habit, day);
    const week = evaluateWeek(habit, segment, weekStartOfDayNumber(day));
    if (week.done >= week.quota) {
      day = week.monday + 7;
      continue;
    }
    if (isWeeklyCountedDay(habit, segment, day)) return day;
    day++;
  }
  return null;
}

/**
 * The first due day on or after today, or null when the user paused or archived the habit
 * (or an open pause leaves nothing due). A weekly habit's is today while its week's quota is
 * open, else the first due day of the next week.
 */
export function nextDueDate(history: HabitHistory, today: LocalDate): LocalDate | null {
  if (history.userStatus !== 'active') return null;
  const next = nextDueDay(prepareHabit(history, toDayNumber(today)));
  return next === null ? null : fromDayNumber(next);
}

export interface WeekProgress {
  done: number;
  quota: number;
}

export function weekProgressOf(habit: PreparedHabit): WeekProgress | null {
  const segment = segmentAt(habit, habit.today);
  if (segment.unit !== 'week') return null;
  const week = evaluateWeek(habit, segment, weekStartOfDayNumber(habit.today));
  return { done: week.done, quota: week.quota };
}

/** A weekly habit's current ISO week `{done, quota}` (counted days only); null otherwise. */
export function weekProgress(history: HabitHistory, today: LocalDate): WeekProgress | null {
  return weekProgressOf(prepareHabit(history, toDayNumber(today)));
}

/** The due days in [from, to], judged with everything the history holds (as `isDue`). */
export function dueDates(history: HabitHistory, from: LocalDate, to: LocalDate): LocalDate[] {
  const habit = prepareHabit(history, FAR_FUTURE);
  const dates: LocalDate[] = [];
  for (let day = toDayNumber(from); day <= toDayNumber(to); day++) {
    if (isDueDay(habit, day)) dates.push(fromDayNumber(day));
  }
  return dates;
}

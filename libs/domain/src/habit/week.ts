import { weekStartOfDayNumber } from '../calendar/local-date';
import { isWeeklyCountedDay, PreparedHabit, Segment, versionAt } from './prepared-habit';

export type WeekOutcome = 'met' | 'failed' | 'neutral' | 'pending';

export interface WeekEvaluation {
  monday: number;
  /** W's counted days: on/after startDate, in the weekly segment, not paused. */
  a: number;
  /** Skips and dones on those same days. */
  skipped: number;
  done: number;
  timesPerWeek: number;
  quota: number;
  /** `pending` only for the open current week. */
  outcome: WeekOutcome;
}

/** ceil(timesPerWeek × a / 7) in integers. */
export function weekTarget(timesPerWeek: number, a: number): number {
  return Math.floor((timesPerWeek * a + 6) / 7);
}

/**
 * SPEC §3 weekly quota of ISO week W (given by its Monday) within a weekly segment:
 * quota = max(0, ceil(timesPerWeek × a / 7) − s), judged by the timesPerWeek in force on W's
 * last day in the segment (today, for the current week). Met if done > 0 and done ≥ quota,
 * neutral if quota = 0 and done = 0, failed otherwise — or pending while the week is current.
 */
export function evaluateWeek(
  habit: PreparedHabit,
  segment: Segment,
  monday: number,
): WeekEvaluation {
  const sunday = monday + 6;
  let a = 0;
  let skipped = 0;
  let done = 0;
  for (let day = monday; day <= sunday; day++) {
    if (!isWeeklyCountedDay(habit, segment, day)) continue;
    a++;
    const log = habit.logs.get(day);
    if (log === 'skipped') skipped++;
    else if (log === 'done') done++;
  }
  const lastDay = Math.min(sunday, segment.end);
  const timesPerWeek = versionAt(habit, Math.min(lastDay, habit.today)).timesPerWeek;
  const quota = Math.max(0, weekTarget(timesPerWeek, a) - skipped);
  const closed = lastDay < habit.today;
  let outcome: WeekOutcome;
  if (done > 0 && done >= quota) outcome = 'met';
  else if (quota === 0 && done === 0) outcome = 'neutral';
  else outcome = closed ? 'failed' : 'pending';
  return { monday, a, skipped, done, timesPerWeek, quota, outcome };
}

/** The weeks of a weekly segment that intersect [fromDay, toDay], oldest first. */
export function weeksOfSegment(segment: Segment, fromDay: number, toDay: number): number[] {
  const first = Math.max(fromDay, segment.from);
  const last = Math.min(toDay, segment.end);
  const mondays: number[] = [];
  if (first > last) return mondays;
  for (let monday = weekStartOfDayNumber(first); monday <= last; monday += 7) mondays.push(monday);
  return mondays;
}

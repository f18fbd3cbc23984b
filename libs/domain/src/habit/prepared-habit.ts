import { toDayNumber, weekdayOfDayNumber } from '../calendar/local-date';
import { Frequency, StreakUnit, streakUnitOf } from '../schedule/schedule';
import { HabitHistory, LogStatus } from './habit-history';

// Internal: a history turned into day numbers once, so the rules loop over integers.

export interface PreparedVersion {
  /** First day in force (-Infinity for the first version). */
  from: number;
  /** Day the version took effect: the every-N-days cycle counts from here. */
  anchor: number;
  frequency: Frequency;
  timesPerWeek: number;
  weekdays: boolean[];
  intervalDays: number | null;
}

/** A maximal run of versions of the same streak unit; switching unit starts a new streak. */
export interface Segment {
  unit: StreakUnit;
  from: number;
  /** Last day (Infinity for the segment in force today). */
  end: number;
}

export interface PreparedHabit {
  today: number;
  start: number;
  versions: PreparedVersion[];
  segments: Segment[];
  pauses: { from: number; to: number }[];
  logs: Map<number, LogStatus>;
}

export const FAR_FUTURE = toDayNumber('9999-12-31');

export function prepareHabit(history: HabitHistory, todayDay: number): PreparedHabit {
  const indexed = history.schedules.map((schedule, index) => ({ schedule, index }));
  indexed.sort((a, b) =>
    a.schedule.effectiveFrom < b.schedule.effectiveFrom
      ? -1
      : a.schedule.effectiveFrom > b.schedule.effectiveFrom
        ? 1
        : a.index - b.index,
  );
  const versions: PreparedVersion[] = [];
  for (const [position, { schedule }] of indexed.entries()) {
    const anchor = toDayNumber(schedule.effectiveFrom);
    if (position > 0 && anchor > todayDay) break;
    const weekdays = new Array<boolean>(8).fill(false);
    for (const day of schedule.daysOfWeek ?? []) weekdays[day] = true;
    const version: PreparedVersion = {
      from: position === 0 ? -Infinity : anchor,
      anchor,
      frequency: schedule.frequency,
      timesPerWeek: schedule.timesPerWeek ?? 1,
      weekdays,
      intervalDays: schedule.intervalDays ?? null,
    };
    const last = versions[versions.length - 1];
    if (last && last.from === version.from) versions[versions.length - 1] = version;
    else versions.push(version);
  }
  if (versions.length === 0) throw new Error('A habit needs at least one schedule version.');

  const segments: Segment[] = [];
  for (const version of versions) {
    const unit = streakUnitOf(version.frequency);
    const last = segments[segments.length - 1];
    if (last && last.unit === unit) continue;
    if (last) last.end = version.from - 1;
    segments.push({ unit, from: version.from, end: Infinity });
  }

  const start = toDayNumber(history.startDate);
  const logs = new Map<number, LogStatus>();
  for (const log of history.logs) {
    const day = toDayNumber(log.date);
    if (day >= start && day <= todayDay) logs.set(day, log.status);
  }
  const pauses = history.pauses
    .map((pause) => ({
      from: toDayNumber(pause.from),
      to: pause.to === null ? Infinity : toDayNumber(pause.to),
    }))
    .sort((a, b) => a.from - b.from);
  return { today: todayDay, start, versions, segments, pauses, logs };
}

export function versionAt(habit: PreparedHabit, day: number): PreparedVersion {
  const { versions } = habit;
  for (let i = versions.length - 1; i > 0; i--) if (versions[i].from <= day) return versions[i];
  return versions[0];
}

export function segmentAt(habit: PreparedHabit, day: number): Segment {
  const { segments } = habit;
  for (let i = segments.length - 1; i > 0; i--) if (segments[i].from <= day) return segments[i];
  return segments[0];
}

export function isPausedDay(habit: PreparedHabit, day: number): boolean {
  return habit.pauses.some((pause) => pause.from <= day && day <= pause.to);
}

/**
 * A day-based (daily/custom) schedule's own due rule, on or after startDate and not paused.
 * Weekly days answer false here: their due-ness depends on the week's quota (see week.ts).
 */
export function isScheduledDay(habit: PreparedHabit, day: number): boolean {
  if (day < habit.start || isPausedDay(habit, day)) return false;
  const version = versionAt(habit, day);
  switch (version.frequency) {
    case 'daily':
      return true;
    case 'weekly':
      return false;
    case 'custom':
      if (version.intervalDays !== null) {
        const offset = (day - version.anchor) % version.intervalDays;
        return offset === 0;
      }
      return version.weekdays[weekdayOfDayNumber(day)];
  }
}

/** Counts as a week's day: on/after startDate, inside the weekly segment, not paused. */
export function isWeeklyCountedDay(habit: PreparedHabit, segment: Segment, day: number): boolean {
  return (
    day >= habit.start && day >= segment.from && day <= segment.end && !isPausedDay(habit, day)
  );
}

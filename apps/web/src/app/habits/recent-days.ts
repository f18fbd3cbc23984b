import type { HabitDto, RecentDayDto } from '@habit-tracker/api-client';
import { PENDING_LOG_ID, withTodayLog } from '../today/habit-snapshots';
import { formatDayLabel, parseLocalDate } from './local-dates';

export type DayLogStatus = 'done' | 'skipped';
type RecentStatus = RecentDayDto['status'];

/** One toggle of the strip. */
export interface RecentDayView {
  date: string;
  /** "M", "T", …: the weekday's initial. */
  weekday: string;
  dayOfMonth: number;
  /** What the toggle shows: done, skipped, missed, open (to do / a weekly habit's open day), not-due, paused, before-start. */
  look: 'done' | 'skipped' | 'missed' | 'open' | 'not-due' | 'paused' | 'before-start';
  /** What a tap makes of the day (null: remove its log). */
  next: DayLogStatus | null;
  disabled: boolean;
  /** "Mon 23 Nov 2026: done. Tap to mark skipped." */
  label: string;
  logged: boolean;
}

/** One tap moves a day along done → skipped → empty → done (as Loop does). */
export function nextDayStatus(status: RecentStatus, logged: boolean): DayLogStatus | null {
  if (!logged) return 'done';
  if (status === 'done') return 'skipped';
  if (status === 'skipped') return null;
  return 'done'; // a day logged missed
}

const LOOK_WORDS: Record<RecentDayView['look'], string> = {
  done: 'done',
  skipped: 'skipped',
  missed: 'missed',
  open: 'not logged',
  'not-due': 'not due',
  paused: 'paused',
  'before-start': 'before the habit started',
};

const NEXT_WORDS: Record<string, string> = {
  done: 'Tap to mark done.',
  skipped: 'Tap to mark skipped.',
  null: 'Tap to clear.',
};

/**
 * The strip of a habit's last days. Days before its start cannot be logged (the API refuses
 * them); paused and not-due days say so but can still be logged (a log there counts in totals
 * and goals). A weekly habit's unlogged day is open, never a miss: its week tells.
 */
export function recentDaysView(habit: HabitDto): RecentDayView[] {
  const weekly = habit.frequency === 'weekly';
  return habit.recentDays.map((day) => {
    const date = parseLocalDate(day.date);
    const logged = day.logId !== null;
    const beforeStart = day.date < habit.startDate;
    let look: RecentDayView['look'];
    if (beforeStart) look = 'before-start';
    else if (logged && day.status !== 'missed') look = day.status === 'done' ? 'done' : 'skipped';
    else if (day.status === 'paused') look = 'paused';
    else if (day.status === 'not_due') look = 'not-due';
    else if (day.status === 'missed' && !weekly) look = 'missed';
    else look = 'open';
    const next = nextDayStatus(day.status, logged);
    const label = beforeStart
      ? `${formatDayLabel(day.date)}: ${LOOK_WORDS[look]}.`
      : `${formatDayLabel(day.date)}: ${LOOK_WORDS[look]}. ${NEXT_WORDS[String(next)]}`;
    return {
      date: day.date,
      weekday: 'MTWTFSS'[(date.getUTCDay() + 6) % 7],
      dayOfMonth: date.getUTCDate(),
      look,
      next,
      disabled: beforeStart,
      label,
      logged,
    };
  });
}

/**
 * The habit as it will most likely be once `date` is logged `status` (null = its log removed):
 * the strip (and today's log and streak, for today) move at once; the server's snapshot, always
 * of a newer version, replaces this guess moments later.
 */
export function withDayLog(habit: HabitDto, date: string, status: DayLogStatus | null): HabitDto {
  const base = date === habit.statsAsOf ? withTodayLog(habit, status) : habit;
  return {
    ...base,
    recentDays: habit.recentDays.map((day) =>
      day.date !== date
        ? day
        : status === null
          ? { ...day, status: day.date === habit.statsAsOf ? 'pending' : day.status, logId: null }
          : { ...day, status, logId: day.logId ?? PENDING_LOG_ID },
    ),
  };
}

import { isScheduledDay, PreparedHabit, Segment } from '../habit/prepared-habit';
import { evaluateWeek, WeekOutcome, weeksOfSegment } from '../habit/week';

export type DayOutcome = 'done' | 'skipped' | 'missed' | 'pending';

/** A due day (day-based) or an ISO week (weekly, `day` = its Monday), with how it went. */
export interface Occurrence {
  day: number;
  outcome: DayOutcome | WeekOutcome;
}

export interface SegmentOccurrences {
  segment: Segment;
  occurrences: Occurrence[];
}

/**
 * How a day-based due day went: its log, else missed before today and pending today
 * (a pending today never counts against the user).
 */
export function dayOutcome(habit: PreparedHabit, day: number): DayOutcome {
  const log = habit.logs.get(day);
  if (log) return log;
  return day < habit.today ? 'missed' : 'pending';
}

/** Every occurrence up to today, grouped by segment (day-based or weekly run), oldest first. */
export function buildOccurrences(habit: PreparedHabit): SegmentOccurrences[] {
  const result: SegmentOccurrences[] = [];
  for (const segment of habit.segments) {
    if (segment.from > habit.today) break;
    const occurrences: Occurrence[] = [];
    if (segment.unit === 'day') {
      const last = Math.min(segment.end, habit.today);
      for (let day = Math.max(habit.start, segment.from); day <= last; day++) {
        if (isScheduledDay(habit, day)) occurrences.push({ day, outcome: dayOutcome(habit, day) });
      }
    } else {
      for (const monday of weeksOfSegment(segment, habit.start, habit.today)) {
        occurrences.push({ day: monday, outcome: evaluateWeek(habit, segment, monday).outcome });
      }
    }
    result.push({ segment, occurrences });
  }
  return result;
}

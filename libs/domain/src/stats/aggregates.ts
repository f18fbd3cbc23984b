import {
  fromDayNumber,
  LocalDate,
  toDayNumber,
  weekStartOfDayNumber,
} from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import { isScheduledDay, PreparedHabit, prepareHabit } from '../habit/prepared-habit';
import { evaluateWeek, weeksOfSegment } from '../habit/week';
import { monthlyMeasureTotals, weeklyMeasureTotals } from '../measure/measure-aggregates';
import { isMeasurable, prepareMeasure } from '../measure/measure-period';
import { measureWindowOf } from '../measure/measure-stats';
import { consistencyScore, consistencyWindowOf } from './consistency';
import { dayOutcome } from './occurrences';

/** Consistency as it was on `day` (one point of the consistency trend line). */
export function consistencyAsOf(history: HabitHistory, day: LocalDate): number | null {
  if (isMeasurable(history))
    return consistencyScore(measureWindowOf(prepareMeasure(history, toDayNumber(day))));
  return consistencyScore(consistencyWindowOf(prepareHabit(history, toDayNumber(day))));
}

/** Measurable habits: done = met occurrences, expected = judged ones (measure-aggregates.ts). */
export interface PeriodTotals {
  /** First day of the period (an ISO Monday or the 1st of a month). */
  periodStart: LocalDate;
  done: number;
  expected: number;
}

/**
 * Done vs expected for the periods starting at `starts` (each ends the day before the next;
 * the last one at `lastDay`). Day-based days count as in consistency (due, not skipped, not a
 * pending today); a weekly week counts once, in the period holding its first counted day,
 * with expected = its quota (the current week's: min(quota, done)) and done = min(done, quota).
 */
function periodTotals(habit: PreparedHabit, starts: number[], lastDay: number): PeriodTotals[] {
  const totals = starts.map((start) => ({
    periodStart: fromDayNumber(start),
    done: 0,
    expected: 0,
  }));
  const periodOf = (day: number): number => {
    for (let i = starts.length - 1; i >= 0; i--)
      if (starts[i] <= day) return day <= lastDay ? i : -1;
    return -1;
  };
  const first = starts[0];
  const last = Math.min(lastDay, habit.today);
  for (const segment of habit.segments) {
    if (segment.unit === 'day') {
      for (
        let day = Math.max(first, segment.from, habit.start);
        day <= Math.min(last, segment.end);
        day++
      ) {
        if (!isScheduledDay(habit, day)) continue;
        const outcome = dayOutcome(habit, day);
        const period = totals[periodOf(day)];
        if (outcome === 'done') period.done++;
        if (outcome === 'done' || outcome === 'missed') period.expected++;
      }
      continue;
    }
    for (const monday of weeksOfSegment(
      segment,
      Math.max(habit.start, weekStartOfDayNumber(first)),
      last,
    )) {
      const index = periodOf(Math.max(monday, segment.from, habit.start));
      if (index < 0) continue;
      const week = evaluateWeek(habit, segment, monday);
      const completed = Math.min(week.done, week.quota);
      totals[index].done += completed;
      totals[index].expected += week.outcome === 'pending' ? completed : week.quota;
    }
  }
  return totals;
}

/** Done vs expected per ISO week, for the `weeks` weeks ending with the current one. */
export function weeklyTotals(
  history: HabitHistory,
  today: LocalDate,
  weeks: number,
): PeriodTotals[] {
  if (isMeasurable(history)) return weeklyMeasureTotals(history, today, weeks);
  const habit = prepareHabit(history, toDayNumber(today));
  const currentMonday = weekStartOfDayNumber(habit.today);
  const starts = Array.from({ length: weeks }, (_, i) => currentMonday - 7 * (weeks - 1 - i));
  return periodTotals(habit, starts, currentMonday + 6);
}

/** Done vs expected per calendar month, for the `months` months ending with the current one. */
export function monthlyTotals(
  history: HabitHistory,
  today: LocalDate,
  months: number,
): PeriodTotals[] {
  if (isMeasurable(history)) return monthlyMeasureTotals(history, today, months);
  const habit = prepareHabit(history, toDayNumber(today));
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const starts: number[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    const first = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    starts.push(toDayNumber(first));
  }
  const next = year * 12 + month;
  const endOfMonth =
    toDayNumber(
      `${String(Math.floor(next / 12)).padStart(4, '0')}-${String((next % 12) + 1).padStart(2, '0')}-01`,
    ) - 1;
  return periodTotals(habit, starts, endOfMonth);
}

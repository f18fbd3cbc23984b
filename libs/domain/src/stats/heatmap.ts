import {
  fromDayNumber,
  LocalDate,
  toDayNumber,
  weekStartOfDayNumber,
} from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import {
  isPausedDay,
  isScheduledDay,
  PreparedHabit,
  prepareHabit,
  Segment,
  segmentAt,
  versionAt,
} from '../habit/prepared-habit';
import { evaluateWeek, WeekEvaluation } from '../habit/week';
import { isMeasurable, prepareMeasure } from '../measure/measure-period';
import { measureHeatmapDay } from '../measure/measure-heatmap';

export type HeatmapStatus = 'done' | 'skipped' | 'missed' | 'pending' | 'not_due' | 'paused';

export interface HeatmapDay {
  date: LocalDate;
  status: HeatmapStatus;
  /** Measurable habits only (absent for check habits): the day's value, or null. */
  value?: number | null;
  /** Measurable habits only: its period's total ÷ target, 0–1, or null (see measure-heatmap.ts). */
  progress?: number | null;
}

/** Judges a weekly segment's ISO week (by its Monday); `heatmap` hands in one that judges each week once. */
export type WeekJudge = (segment: Segment, monday: number) => WeekEvaluation;

/**
 * A week judge that evaluates each (segment, week) once: the seven cells of a weekly habit's
 * week share one judgement instead of re-counting the week per day.
 */
export function weekJudgeOf(habit: PreparedHabit): WeekJudge {
  const judged = new Map<Segment, Map<number, WeekEvaluation>>();
  return (segment, monday) => {
    let weeks = judged.get(segment);
    if (!weeks) judged.set(segment, (weeks = new Map()));
    let week = weeks.get(monday);
    if (!week) weeks.set(monday, (week = evaluateWeek(habit, segment, monday)));
    return week;
  };
}

/**
 * One day's cell: its log if any; `paused` inside a pause; before startDate `not_due`.
 * Day-based: a due day is `missed` before today and `pending` from today on. Weekly: an
 * unlogged day is `pending` while its week is open (the current week), `missed` in a failed
 * past week and `not_due` otherwise.
 */
export function heatmapStatusOf(
  habit: PreparedHabit,
  day: number,
  judgeWeek: WeekJudge = (segment, monday) => evaluateWeek(habit, segment, monday),
): HeatmapStatus {
  if (day < habit.start) return 'not_due';
  const log = habit.logs.get(day);
  if (log) return log;
  if (isPausedDay(habit, day)) return 'paused';
  if (versionAt(habit, day).frequency !== 'weekly') {
    if (!isScheduledDay(habit, day)) return 'not_due';
    return day < habit.today ? 'missed' : 'pending';
  }
  const segment = segmentAt(habit, day);
  const week = judgeWeek(segment, weekStartOfDayNumber(day));
  if (Math.min(week.monday + 6, segment.end) >= habit.today) return 'pending';
  return week.outcome === 'failed' ? 'missed' : 'not_due';
}

/** The heatmap of [from, to] as of `today` (the API caps the range at 371 days). */
export function heatmap(
  history: HabitHistory,
  today: LocalDate,
  from: LocalDate,
  to: LocalDate,
): HeatmapDay[] {
  if (isMeasurable(history)) {
    const measure = prepareMeasure(history, toDayNumber(today));
    const cells: HeatmapDay[] = [];
    for (let day = toDayNumber(from); day <= toDayNumber(to); day++)
      cells.push(measureHeatmapDay(measure, day));
    return cells;
  }
  const habit = prepareHabit(history, toDayNumber(today));
  const judgeWeek = weekJudgeOf(habit);
  const days: HeatmapDay[] = [];
  for (let day = toDayNumber(from); day <= toDayNumber(to); day++) {
    days.push({ date: fromDayNumber(day), status: heatmapStatusOf(habit, day, judgeWeek) });
  }
  return days;
}

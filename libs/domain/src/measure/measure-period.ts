import { fromDayNumber, toDayNumber, weekStartOfDayNumber } from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import { isPausedDay, isScheduledDay, PreparedHabit, prepareHabit } from '../habit/prepared-habit';
import { MeasureTarget, TargetPeriod, TargetType } from './measure-target';
import { prorateThousandths, toThousandths } from './measure-value';

// Internal: a measurable habit turned into day numbers and integer thousandths once, and the
// SPEC §6 judgement of one period (a due day, an ISO week or a calendar month).

export interface PreparedMeasure {
  habit: PreparedHabit;
  type: TargetType;
  period: TargetPeriod;
  /** The target value in thousandths. */
  target: number;
  /** Day → value in thousandths, for days from startDate to today. */
  values: Map<number, number>;
  /** Skipped days from startDate to today. */
  skips: Set<number>;
  /** Paused days near the history (startDate − 62 … today + 62), for O(1) lookups. */
  paused: { from: number; flags: Uint8Array };
  /** Evaluations by period start (a prepared habit never changes). */
  evaluations: Map<number, PeriodEvaluation>;
}

const PAUSE_MARGIN = 62;

function pausedFlags(habit: PreparedHabit): { from: number; flags: Uint8Array } {
  const from = habit.start - PAUSE_MARGIN;
  const to = Math.max(habit.today, habit.start) + PAUSE_MARGIN;
  const flags = new Uint8Array(to - from + 1);
  for (const pause of habit.pauses) {
    for (let day = Math.max(pause.from, from); day <= Math.min(pause.to, to); day++) {
      flags[day - from] = 1;
    }
  }
  return { from, flags };
}

export function isPaused(measure: PreparedMeasure, day: number): boolean {
  const index = day - measure.paused.from;
  return index >= 0 && index < measure.paused.flags.length
    ? measure.paused.flags[index] === 1
    : isPausedDay(measure.habit, day);
}

export function isMeasurable(history: HabitHistory): boolean {
  return history.kind === 'measure';
}

export function measureTargetOf(history: HabitHistory): MeasureTarget {
  if (!history.target) throw new Error('A measurable habit needs a target.');
  return history.target;
}

export function prepareMeasure(history: HabitHistory, todayDay: number): PreparedMeasure {
  const target = measureTargetOf(history);
  const habit = prepareHabit(history, todayDay);
  const values = new Map<number, number>();
  const skips = new Set<number>();
  for (const log of history.logs) {
    const day = toDayNumber(log.date);
    if (day < habit.start || day > todayDay) continue;
    if (typeof log.value === 'number') values.set(day, toThousandths(log.value));
    else if (log.status === 'skipped') skips.add(day);
  }
  return {
    habit,
    type: target.type,
    period: target.period,
    target: toThousandths(target.value),
    values,
    skips,
    paused: pausedFlags(habit),
    evaluations: new Map(),
  };
}

/** First day of the period holding `day`. */
export function periodStartOf(period: TargetPeriod, day: number): number {
  if (period === 'day') return day;
  if (period === 'week') return weekStartOfDayNumber(day);
  return toDayNumber(`${fromDayNumber(day).slice(0, 8)}01`);
}

/** Last day of the period starting on `start`. */
export function periodEndOf(period: TargetPeriod, start: number): number {
  if (period === 'day') return start;
  if (period === 'week') return start + 6;
  // The 1st of a month + 31 days is always in the next month.
  return periodStartOf('month', start + 31) - 1;
}

/** The `count` periods ending with the one holding `day`, oldest first. */
export function periodStartsBackFrom(period: TargetPeriod, day: number, count: number): number[] {
  if (count <= 0) return [];
  const starts = [periodStartOf(period, day)];
  while (starts.length < count) starts.unshift(periodStartOf(period, starts[0] - 1));
  return starts;
}

/**
 * Whether a day counts toward its period (SPEC §6's a): on/after startDate and not paused; and
 * not skipped — a skipped day is excused like a paused one (for period `day`: neutral).
 */
export function isCountedDay(measure: PreparedMeasure, day: number): boolean {
  return day >= measure.habit.start && !isPaused(measure, day) && !measure.skips.has(day);
}

export type PeriodOutcome = 'met' | 'failed' | 'pending' | 'neutral';

export interface PeriodEvaluation {
  start: number;
  end: number;
  /** Counted days of the period (a) and its length (n). */
  a: number;
  n: number;
  /** Σ values of its counted days up to today, in thousandths. */
  total: number;
  /** The prorated target in thousandths; null when a = 0 (neutral). */
  target: number | null;
  outcome: PeriodOutcome;
  /** A met period's completion day: `at_least` the day its total reached the target, `at_most` its last day. */
  metOn: number | null;
}

/**
 * SPEC §6: total = Σ values of the counted days; target prorated by a / n (ceil for `at_least`,
 * floor for `at_most`); a = 0 is neutral. `at_least`: met once total ≥ target (the current
 * period as soon as that holds, pending before; a past one failed otherwise). `at_most` (an
 * unlogged day counts 0): failed once total > target; a past period is met otherwise, the
 * current one pending. Periods end on or after today are current.
 */
export function evaluatePeriod(measure: PreparedMeasure, start: number): PeriodEvaluation {
  let evaluation = measure.evaluations.get(start);
  if (!evaluation) {
    evaluation = judgePeriod(measure, start);
    measure.evaluations.set(start, evaluation);
  }
  return evaluation;
}

function judgePeriod(measure: PreparedMeasure, start: number): PeriodEvaluation {
  const end = periodEndOf(measure.period, start);
  const today = measure.habit.today;
  let a = 0;
  let total = 0;
  const counted: number[] = [];
  for (let day = start; day <= end; day++) {
    if (!isCountedDay(measure, day)) continue;
    a++;
    if (day <= today) {
      counted.push(day);
      total += measure.values.get(day) ?? 0;
    }
  }
  const n = end - start + 1;
  const base = { start, end, a, n, total };
  if (a === 0) return { ...base, target: null, outcome: 'neutral', metOn: null };
  const target = prorateThousandths(measure.target, a, n, measure.type);
  const closed = end < today;
  if (measure.type === 'at_least') {
    if (total < target)
      return { ...base, target, outcome: closed ? 'failed' : 'pending', metOn: null };
    let running = 0;
    let metOn = counted[counted.length - 1];
    for (const day of counted) {
      running += measure.values.get(day) ?? 0;
      if (running >= target) {
        metOn = day;
        break;
      }
    }
    return { ...base, target, outcome: 'met', metOn };
  }
  if (total > target) return { ...base, target, outcome: 'failed', metOn: null };
  return closed
    ? { ...base, target, outcome: 'met', metOn: end }
    : { ...base, target, outcome: 'pending', metOn: null };
}

/**
 * A day of a period-`day` habit: due days are periods (skipped: neutral); a non-due day with a
 * value is judged the same way but only a met one counts (in totals and goals, never against
 * the user); days before startDate, paused days and unlogged non-due days are neutral.
 */
export function evaluateDay(measure: PreparedMeasure, day: number): PeriodEvaluation {
  const evaluation = evaluatePeriod(measure, day);
  if (evaluation.outcome === 'neutral' || isScheduledDay(measure.habit, day)) return evaluation;
  if (measure.values.has(day) && evaluation.outcome === 'met') return evaluation;
  return { ...evaluation, outcome: 'neutral', metOn: null };
}

/** The period (day: the day as judged by `evaluateDay`) holding `day`. */
export function evaluatePeriodOf(measure: PreparedMeasure, day: number): PeriodEvaluation {
  return measure.period === 'day'
    ? evaluateDay(measure, day)
    : evaluatePeriod(measure, periodStartOf(measure.period, day));
}

/**
 * The periods that are occurrences up to today, oldest first: period `day` its due days
 * (by the daily/custom schedule in force that day), else every week or month from the one
 * holding startDate to the current one.
 */
export function measureOccurrences(measure: PreparedMeasure): PeriodEvaluation[] {
  const { habit } = measure;
  const occurrences: PeriodEvaluation[] = [];
  if (measure.period === 'day') {
    for (let day = habit.start; day <= habit.today; day++) {
      if (isScheduledDay(habit, day)) occurrences.push(evaluatePeriod(measure, day));
    }
    return occurrences;
  }
  for (
    let start = periodStartOf(measure.period, habit.start);
    start <= habit.today;
    start = periodEndOf(measure.period, start) + 1
  ) {
    occurrences.push(evaluatePeriod(measure, start));
  }
  return occurrences;
}

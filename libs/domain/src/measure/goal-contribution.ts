import { fromDayNumber, LocalDate, toDayNumber } from '../calendar/local-date';
import { FieldError } from '../errors';
import { HabitHistory } from '../habit/habit-history';
import { evaluateDay, isMeasurable, measureOccurrences, prepareMeasure } from './measure-period';
import { HabitKind } from './measure-target';
import { fromThousandths, toThousandths } from './measure-value';

/** How a goal link counts its habit (SPEC §6 "Goals"). */
export type GoalCount = 'completions' | 'value';
export const GOAL_COUNTS: readonly GoalCount[] = ['completions', 'value'];

/** `count` of a goal link: completions or value, value only for a measurable habit. */
export function validateGoalLinkCount(
  count: unknown,
  kind: HabitKind,
  path = 'habits[0].count',
): FieldError[] {
  if (!GOAL_COUNTS.includes(count as GoalCount)) {
    return [{ code: 'GOAL_COUNT_INVALID', path, message: 'count must be completions or value.' }];
  }
  if (count === 'value' && kind !== 'measure') {
    return [
      {
        code: 'GOAL_COUNT_NEEDS_MEASURE',
        path,
        message: 'Only a measurable habit can count its values toward a goal.',
      },
    ];
  }
  return [];
}

/**
 * The days a habit completes on, up to today: a check habit's `done` logs; a measurable
 * habit's met periods, each dated the day it was met (period `day`: the met days, due or
 * logged; `week`/`month`, beyond the SPEC: `at_least` the day the total reached the target,
 * `at_most` the period's last day). Feed them to the goal progress as the link's done dates.
 */
export function completionDates(history: HabitHistory, today: LocalDate): LocalDate[] {
  const todayDay = toDayNumber(today);
  if (!isMeasurable(history)) {
    return history.logs
      .filter((log) => log.status === 'done' && log.date <= today)
      .map((log) => log.date);
  }
  const measure = prepareMeasure(history, todayDay);
  const days: number[] = [];
  if (measure.period === 'day') {
    for (let day = measure.habit.start; day <= todayDay; day++) {
      const evaluation = evaluateDay(measure, day);
      if (evaluation.outcome === 'met') days.push(day);
    }
  } else {
    for (const evaluation of measureOccurrences(measure)) {
      if (evaluation.outcome === 'met' && evaluation.metOn !== null) days.push(evaluation.metOn);
    }
  }
  return days.map(fromDayNumber);
}

/**
 * What a link adds to its goal before its weight, counting from the goal's startDate to today:
 * `completions` the completion dates; `value` the exact Σ of the habit's logged values (paused
 * days included: a goal sums what was done). A check habit's `value` is 0 (refused on input).
 */
export function goalLinkAmount(
  history: HabitHistory,
  count: GoalCount,
  goalStartDate: LocalDate,
  today: LocalDate,
): number {
  if (count === 'completions') {
    return completionDates(history, today).filter((date) => date >= goalStartDate).length;
  }
  if (!isMeasurable(history)) return 0;
  let sum = 0;
  for (const log of history.logs) {
    if (typeof log.value !== 'number') continue;
    if (log.date < goalStartDate || log.date > today || log.date < history.startDate) continue;
    sum += toThousandths(log.value);
  }
  return fromThousandths(sum);
}

export interface CountedGoalLink {
  /** > 0; default 1. */
  contributionWeight: number;
  /** The link's amount from `goalLinkAmount` (completions, or the values' sum). */
  amount: number;
}

export interface CountedGoalInput {
  baseValue: number;
  startDate: LocalDate;
  /** > 0. */
  targetValue: number;
  deadline: LocalDate | null;
  links: CountedGoalLink[];
}

export interface CountedGoalProgress {
  currentValue: number;
  isCompleted: boolean;
  overdue: boolean;
}

/**
 * SPEC §6 "Goals" beside §3's computeGoalProgress: currentValue = baseValue + Σ weight × amount
 * (each link counted by its `count`), rounded to 6 decimals; completed ⇔ currentValue ≥
 * targetValue; overdue ⇔ a deadline before today and not completed.
 */
export function computeCountedGoalProgress(
  goal: CountedGoalInput,
  today: LocalDate,
): CountedGoalProgress {
  let currentValue = goal.baseValue;
  for (const link of goal.links) currentValue += link.contributionWeight * link.amount;
  currentValue = Math.round(currentValue * 1e6) / 1e6;
  const isCompleted = currentValue >= goal.targetValue;
  return {
    currentValue,
    isCompleted,
    overdue: !isCompleted && goal.deadline !== null && goal.deadline < today,
  };
}

import {
  fromDayNumber,
  LocalDate,
  toDayNumber,
  weekdayOfDayNumber,
  weekStartOfDayNumber,
} from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import {
  isScheduledDay,
  PreparedHabit,
  prepareHabit,
  Segment,
  segmentAt,
} from '../habit/prepared-habit';
import { evaluateWeek, WeekOutcome } from '../habit/week';
import { StreakUnit } from '../schedule/schedule';
import {
  advanceMeasureCheckpoint,
  checkpointMeasure,
  statsFromMeasureCheckpoint,
} from '../measure/measure-checkpoint';
import { isMeasurable } from '../measure/measure-period';
import { HabitStats, recentStatsOf } from '../stats/habit-stats';
import { dayOutcome, DayOutcome } from '../stats/occurrences';
import { deriveStatus } from '../stats/risk';
import { strengthInputOf, strengthStep } from '../stats/strength';

/**
 * The incremental form: the statistics that need all history (strength, streak runs, misses,
 * totals), folded day by day over the settled days — those before the user's today, which no
 * later write can change except a backfill, delete, pause edit or startDate move dated on or
 * before `through`. Plain data, so a service can store it beside the habit: the day rollover
 * advances it by one day, a write of today's log reuses it as is, and `computeHabitStats`
 * (the full recomputation) stays the reference it must equal. A measurable habit's checkpoint
 * has the same shape (`unit` = its target's period; see measure/measure-checkpoint.ts).
 */
export interface HabitCheckpoint {
  /** The last settled day folded in. */
  through: LocalDate;
  /** First day of the segment `through` belongs to (null: the first segment), and its unit. */
  segmentFrom: LocalDate | null;
  unit: StreakUnit;
  /** Strength score 0–1 after `through`. */
  strengthScore: number;
  run: number;
  longest: number;
  misses: number;
  totalCompletions: number;
  totalSkips: number;
  lastCompletedDate: LocalDate | null;
}

interface FoldState {
  through: number;
  segmentFrom: number;
  unit: StreakUnit;
  score: number;
  run: number;
  longest: number;
  misses: number;
  totalCompletions: number;
  totalSkips: number;
  lastDone: number;
}

function toState(checkpoint: HabitCheckpoint): FoldState {
  return {
    through: toDayNumber(checkpoint.through),
    segmentFrom: checkpoint.segmentFrom === null ? -Infinity : toDayNumber(checkpoint.segmentFrom),
    unit: checkpoint.unit,
    score: checkpoint.strengthScore,
    run: checkpoint.run,
    longest: checkpoint.longest,
    misses: checkpoint.misses,
    totalCompletions: checkpoint.totalCompletions,
    totalSkips: checkpoint.totalSkips,
    lastDone:
      checkpoint.lastCompletedDate === null ? -Infinity : toDayNumber(checkpoint.lastCompletedDate),
  };
}

function toCheckpoint(state: FoldState): HabitCheckpoint {
  return {
    through: fromDayNumber(state.through),
    segmentFrom: state.segmentFrom === -Infinity ? null : fromDayNumber(state.segmentFrom),
    unit: state.unit,
    strengthScore: state.score,
    run: state.run,
    longest: state.longest,
    misses: state.misses,
    totalCompletions: state.totalCompletions,
    totalSkips: state.totalSkips,
    lastCompletedDate: state.lastDone === -Infinity ? null : fromDayNumber(state.lastDone),
  };
}

function initialState(habit: PreparedHabit): FoldState {
  const segment = segmentAt(habit, habit.start);
  return {
    through: habit.start - 1,
    segmentFrom: segment.from,
    unit: segment.unit,
    score: 0,
    run: 0,
    longest: 0,
    misses: 0,
    totalCompletions: 0,
    totalSkips: 0,
    lastDone: -Infinity,
  };
}

function countOutcome(
  state: FoldState,
  outcome: DayOutcome | WeekOutcome,
  countMiss: boolean,
): void {
  if (outcome === 'done' || outcome === 'met') {
    state.run++;
    state.longest = Math.max(state.longest, state.run);
    state.misses = 0;
  } else if (outcome === 'missed' || outcome === 'failed') {
    state.run = 0;
    if (countMiss) state.misses++;
  }
}

/** Entering `segment` on `day`: close the previous weekly segment's open week, restart runs. */
function enterSegment(habit: PreparedHabit, state: FoldState, segment: Segment, day: number): void {
  if (state.segmentFrom === segment.from) return;
  const previousDay = day - 1;
  if (
    state.unit === 'week' &&
    previousDay >= habit.start &&
    weekdayOfDayNumber(previousDay) !== 7
  ) {
    const previous = segmentAt(habit, previousDay);
    countOutcome(
      state,
      evaluateWeek(habit, previous, weekStartOfDayNumber(previousDay)).outcome,
      true,
    );
  }
  state.segmentFrom = segment.from;
  state.unit = segment.unit;
  state.run = 0;
  state.misses = 0;
}

function countLog(habit: PreparedHabit, state: FoldState, day: number): void {
  const log = habit.logs.get(day);
  if (log === 'done') {
    state.totalCompletions++;
    state.lastDone = day;
  } else if (log === 'skipped') {
    state.totalSkips++;
  }
}

/** Folds settled days (through + 1 … toDay, all before habit.today) into the state. */
function foldSettledDays(habit: PreparedHabit, state: FoldState, toDay: number): void {
  for (let day = Math.max(state.through + 1, habit.start); day <= toDay; day++) {
    const segment = segmentAt(habit, day);
    enterSegment(habit, state, segment, day);
    const input = strengthInputOf(habit, day);
    if (input) state.score = strengthStep(state.score, input);
    countLog(habit, state, day);
    if (segment.unit === 'day') {
      if (isScheduledDay(habit, day)) countOutcome(state, dayOutcome(habit, day), true);
    } else if (weekdayOfDayNumber(day) === 7) {
      countOutcome(state, evaluateWeek(habit, segment, weekStartOfDayNumber(day)).outcome, true);
    }
  }
  state.through = Math.max(state.through, toDay);
}

/** A checkpoint with every day up to `through` settled, folded from scratch. */
export function checkpointHabit(history: HabitHistory, through: LocalDate): HabitCheckpoint {
  if (isMeasurable(history)) return checkpointMeasure(history, through);
  const throughDay = toDayNumber(through);
  const habit = prepareHabit(history, throughDay + 1);
  const state = initialState(habit);
  foldSettledDays(habit, state, throughDay);
  state.through = throughDay;
  return toCheckpoint(state);
}

/** The checkpoint moved forward to `through`, folding only the new days (the day rollover). */
export function advanceCheckpoint(
  checkpoint: HabitCheckpoint,
  history: HabitHistory,
  through: LocalDate,
): HabitCheckpoint {
  if (isMeasurable(history)) return advanceMeasureCheckpoint(checkpoint, history, through);
  const throughDay = toDayNumber(through);
  const habit = prepareHabit(history, throughDay + 1);
  const state = toState(checkpoint);
  if (throughDay < state.through || state.through < habit.start)
    return checkpointHabit(history, through);
  foldSettledDays(habit, state, throughDay);
  return toCheckpoint(state);
}

/**
 * After a write that changed the history from `changedFrom` on (a log's date, the earliest
 * day of an edited pause, the earlier of two startDates; today for a status or schedule
 * edit; startDate for a change of kind or target, which re-judges the whole history): the
 * checkpoint still holds when the change is after `through`, else it is refolded.
 */
export function invalidateCheckpoint(
  checkpoint: HabitCheckpoint,
  history: HabitHistory,
  changedFrom: LocalDate,
): HabitCheckpoint {
  return changedFrom > checkpoint.through
    ? checkpoint
    : checkpointHabit(history, checkpoint.through);
}

/** All statistics as of `today` from a checkpoint (advanced to yesterday first if needed). */
export function statsFromCheckpoint(
  checkpoint: HabitCheckpoint,
  history: HabitHistory,
  today: LocalDate,
): HabitStats {
  if (isMeasurable(history)) return statsFromMeasureCheckpoint(checkpoint, history, today);
  const todayDay = toDayNumber(today);
  const settled =
    toDayNumber(checkpoint.through) === todayDay - 1
      ? checkpoint
      : advanceCheckpoint(checkpoint, history, fromDayNumber(todayDay - 1));
  const habit = prepareHabit(history, todayDay);
  const state = toState(settled);

  // Today is not settled: it may be pending (day-based) and its week may be open (weekly).
  if (todayDay >= habit.start) {
    const segment = segmentAt(habit, todayDay);
    enterSegment(habit, state, segment, todayDay);
    const input = strengthInputOf(habit, todayDay);
    if (input) state.score = strengthStep(state.score, input);
    countLog(habit, state, todayDay);
    if (segment.unit === 'day') {
      if (isScheduledDay(habit, todayDay)) countOutcome(state, dayOutcome(habit, todayDay), false);
    } else {
      countOutcome(
        state,
        evaluateWeek(habit, segment, weekStartOfDayNumber(todayDay)).outcome,
        false,
      );
    }
  }
  return {
    currentStreak: state.run,
    longestStreak: state.longest,
    streakUnit: segmentAt(habit, todayDay).unit,
    totalCompletions: state.totalCompletions,
    totalSkips: state.totalSkips,
    lastCompletedDate: state.lastDone === -Infinity ? null : fromDayNumber(state.lastDone),
    ...recentStatsOf(habit, history),
    strength: 100 * state.score,
    consecutiveMisses: state.misses,
    status: deriveStatus(history.userStatus, state.misses),
  };
}

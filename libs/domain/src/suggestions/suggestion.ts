import { LocalDate } from '../calendar/local-date';
import { Difficulty, HabitHistory } from '../habit/habit-history';
import { Frequency, ScheduleVersion } from '../schedule/schedule';
import type { MeasureTarget } from '../measure/measure-target';
import { HabitStats } from '../stats/habit-stats';

export type SuggestionType =
  'reduce_frequency' | 'easier_difficulty' | 'restart_small' | 'level_up';
export const SUGGESTION_TYPES: readonly SuggestionType[] = [
  'reduce_frequency',
  'easier_difficulty',
  'restart_small',
  'level_up',
];

/** A PATCH body for the habit. */
export interface HabitChange {
  frequency?: Frequency;
  timesPerWeek?: number | null;
  daysOfWeek?: number[] | null;
  intervalDays?: number | null;
  difficulty?: Difficulty;
  /** Measurable habits: the moved target (reduce_frequency, level_up). */
  target?: MeasureTarget;
}

export interface Suggestion {
  type: SuggestionType;
  message: string;
  change: HabitChange | null;
  /**
   * reduce_frequency only: the text stored on the habit as `suggestedFrequency` (a measurable
   * habit's: its new target in words, e.g. "at least 6.4 glasses a day").
   */
  suggestedFrequency?: string;
}

/** What every rule may look at, computed once per evaluation. */
export interface SuggestionContext {
  history: HabitHistory;
  today: LocalDate;
  stats: HabitStats;
  /** The schedule in force today. */
  schedule: ScheduleVersion;
  /** Missed due days per ISO weekday (index 1–7) in the consistency window. */
  missedByWeekday: number[];
}

export type SuggestionRule = (context: SuggestionContext) => Suggestion | null;

export const DIFFICULTY_ORDER: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function timesPerWeekText(times: number): string {
  return times === 1 ? 'once a week' : `${times} times a week`;
}

import type { LocalDate, PausePeriodSnapshot } from '@app/contracts';
import type { Schedule, ScheduleVersion, UserStatus } from '@app/domain';

export type ImportSource = 'habit_tracker_json' | 'habit_tracker_csv' | 'loop_sqlite' | 'loop_csv';

export type ImportLogStatus = 'done' | 'skipped' | 'missed';

export interface ImportedLog {
  date: LocalDate;
  status: ImportLogStatus;
  notes: string | null;
  /** A measurable log's value (SPEC.md §6 "Measurable habits"); absent for check habits. */
  value?: number | null;
}

/** A measurable habit's definition (Loop's numerical habits map to it). */
export interface MeasureDefinition {
  unit: string;
  target: {
    type: 'at_least' | 'at_most';
    value: number;
    period: 'day' | 'week' | 'month';
  };
}

/** One habit as a file describes it, before anything is written. */
export interface ImportedHabit {
  /** Matches the habit on re-import (Loop's `uuid`); null when the file has none. */
  externalId: string | null;
  name: string;
  description: string | null;
  kind: 'check' | 'measure';
  measure: MeasureDefinition | null;
  /** The schedule history, oldest first; the first entry is effective from `startDate`. */
  schedules: ScheduleVersion[];
  startDate: LocalDate;
  /** The day the habit was created (our own export keeps it; otherwise the import day). */
  createdOn: LocalDate | null;
  status: UserStatus;
  pauses: PausePeriodSnapshot[];
  difficulty: 'easy' | 'medium' | 'hard';
  priority: 'low' | 'medium' | 'high';
  color: string;
  icon: string | null;
  logs: ImportedLog[];
}

export interface ImportedGoal {
  name: string;
  description: string | null;
  targetValue: number;
  unit: string;
  startDate: LocalDate;
  deadline: LocalDate | null;
  baseValue: number;
  /** Links by index into the plan's `habits`; `count` as SPEC §6 (default completions). */
  links: { habitIndex: number; contributionWeight: number; count?: 'completions' | 'value' }[];
}

export interface ImportSettings {
  timezone: string;
  dayStartHour: number;
  nudgeHour: number;
}

/** What a file holds, mapped to our model, with the warnings met on the way. */
export interface ImportPlan {
  source: ImportSource;
  settings: ImportSettings | null;
  habits: ImportedHabit[];
  goals: ImportedGoal[];
  /** Habits the file holds that this server cannot import (named in `warnings`). */
  skippedHabits: { name: string; reason: string }[];
  warnings: string[];
}

export const currentSchedule = (habit: ImportedHabit): Schedule => {
  const { frequency, timesPerWeek, daysOfWeek, intervalDays } =
    habit.schedules[habit.schedules.length - 1];
  return { frequency, timesPerWeek, daysOfWeek, intervalDays };
};

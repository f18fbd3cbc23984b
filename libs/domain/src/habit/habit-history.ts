import { LocalDate } from '../calendar/local-date';
import type { HabitKind, MeasureTarget } from '../measure/measure-target';
import { PausePeriod, UserStatus } from '../schedule/pauses';
import { ScheduleVersion } from '../schedule/schedule';

export type LogStatus = 'done' | 'skipped' | 'missed';
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface HabitLogEntry {
  date: LocalDate;
  status: LogStatus;
  /**
   * A measurable habit's value for the day (≥ 0, at most 3 decimals); its `status` is then
   * ignored. A measurable log without a value counts only as `skipped` (any other status
   * without a value is no log). Check habits leave it out.
   */
  value?: number | null;
}

/**
 * Everything the rules need about one habit, as plain data. `schedules` is the schedule
 * history (any order; for two entries with the same `effectiveFrom` the later one wins),
 * `logs` at most one per date. Computations "as of" a day ignore logs and schedule entries
 * dated after it, so the same history answers for any past day.
 */
export interface HabitHistory {
  startDate: LocalDate;
  /** The user's day the habit was created (its age for `level_up`). */
  createdOn: LocalDate;
  schedules: ScheduleVersion[];
  pauses: PausePeriod[];
  logs: HabitLogEntry[];
  userStatus: UserStatus;
  difficulty: Difficulty;
  /** `check` when absent. A `measure` habit needs `target` (SPEC §6 "Measurable habits"). */
  kind?: HabitKind;
  /** Measurable habits only: the unit of their values (1–20 characters). */
  unit?: string | null;
  /**
   * Measurable habits only. There is no target history: the target in force judges the whole
   * history (as in Loop Habit Tracker), so changing it refolds a checkpoint from startDate.
   */
  target?: MeasureTarget | null;
}

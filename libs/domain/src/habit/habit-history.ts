import { LocalDate } from '../calendar/local-date';
import { PausePeriod, UserStatus } from '../schedule/pauses';
import { ScheduleVersion } from '../schedule/schedule';

export type LogStatus = 'done' | 'skipped' | 'missed';
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface HabitLogEntry {
  date: LocalDate;
  status: LogStatus;
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
}

import type { HabitEntity } from '@app/database';
import type { HabitHistory } from '@app/domain';
import type { HabitRecords } from './habits.repository';

/** A stored habit and its records as the engine's plain data. */
export function toHabitHistory(habit: HabitEntity, records: HabitRecords): HabitHistory {
  return {
    startDate: habit.startDate,
    createdOn: habit.createdOn,
    schedules: records.schedules,
    pauses: records.pauses,
    logs: records.logs,
    userStatus: habit.status === 'at_risk' ? 'active' : habit.status,
    difficulty: habit.difficulty,
  };
}

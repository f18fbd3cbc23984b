import type { HabitEntity } from '@app/database';
import type { HabitHistory } from '@app/domain';
import { habitNotFound, type HabitRecords } from './habits.repository';

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

/**
 * Reads run as separate statements outside a transaction, so a habit deleted after it was listed
 * has no records left (a habit always has at least one schedule version). Reads skip such a
 * habit, as if they had come a moment later.
 */
export function stillPresent(
  habits: HabitEntity[],
  records: Map<string, HabitRecords>,
): HabitEntity[] {
  return habits.filter((h) => (records.get(h.id)?.schedules.length ?? 0) > 0);
}

/** One habit's history for a read; a 404 when the habit was deleted while it was being read. */
export function presentHabitHistory(
  habit: HabitEntity,
  records: Map<string, HabitRecords>,
): HabitHistory {
  if (stillPresent([habit], records).length === 0) throw habitNotFound();
  return toHabitHistory(habit, records.get(habit.id)!);
}

import type { LocalDate } from '@app/contracts';
import type { HabitEntity } from '@app/database';
import { addDays, heatmap, type HabitHistory } from '@app/domain';
import type { RecentDayDto } from './habit.dto';
import type { HabitRecords } from './habits.repository';

/** How many days, ending with the user's today, a habit's `recentDays` covers. */
export const RECENT_DAYS = 7;

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
 * The habit's last RECENT_DAYS days with their heatmap status and log id. The records must
 * hold the logs from the ISO Monday of the first day on (a weekly habit's day depends on its week).
 */
export function recentDaysOf(
  habit: HabitEntity,
  records: HabitRecords,
  today: LocalDate,
): RecentDayDto[] {
  const from = addDays(today, -(RECENT_DAYS - 1));
  return heatmap(toHabitHistory(habit, records), today, from, today).map((day) => ({
    date: day.date,
    status: day.status,
    logId: records.recentLogIds.get(day.date) ?? null,
  }));
}

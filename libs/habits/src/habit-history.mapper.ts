import type { LocalDate } from '@app/contracts';
import type { HabitEntity } from '@app/database';
import { addDays, heatmap, type HabitHistory, type MeasureTarget } from '@app/domain';
import type { RecentDayDto } from './habit.dto';
import type { HabitRecords } from './habits.repository';

/** How many days, ending with the user's today, a habit's `recentDays` covers. */
export const RECENT_DAYS = 7;

/** The columns of a habit the engine reads (reads that select plain rows pass just these). */
export type HabitHistoryFields = Pick<
  HabitEntity,
  | 'startDate'
  | 'createdOn'
  | 'status'
  | 'difficulty'
  | 'kind'
  | 'unit'
  | 'targetType'
  | 'targetValue'
  | 'targetPeriod'
>;

/** A measurable habit's target as the engine reads it; null for a check habit. */
export function targetOf(
  habit: Pick<HabitEntity, 'kind' | 'targetType' | 'targetValue' | 'targetPeriod'>,
): MeasureTarget | null {
  if (habit.kind !== 'measure' || !habit.targetType || !habit.targetPeriod) return null;
  return { type: habit.targetType, value: habit.targetValue ?? 0, period: habit.targetPeriod };
}

/** A stored habit and its records as the engine's plain data. */
export function toHabitHistory(
  habit: HabitHistoryFields,
  records: Pick<HabitRecords, 'schedules' | 'pauses' | 'logs'>,
): HabitHistory {
  return {
    startDate: habit.startDate,
    createdOn: habit.createdOn,
    schedules: records.schedules,
    pauses: records.pauses,
    logs: records.logs,
    userStatus: habit.status === 'at_risk' ? 'active' : habit.status,
    difficulty: habit.difficulty,
    // Check habits keep the history they always had (no kind: `check`).
    ...(habit.kind === 'measure'
      ? { kind: 'measure' as const, unit: habit.unit, target: targetOf(habit) }
      : {}),
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

/**
 * The records read before a log write, with that log as the write left it (created or
 * replaced): the same records a read after the write would return, without reading them again.
 */
export function withWrittenLog(
  records: HabitRecords,
  log: {
    id: string;
    logDate: LocalDate;
    status: HabitRecords['logs'][number]['status'];
    notes: string | null;
    /** A measurable habit's value (absent or null otherwise). */
    value?: number | null;
  },
  today: LocalDate,
): HabitRecords {
  const logs = records.logs.filter((l) => l.date !== log.logDate);
  const at = logs.findIndex((l) => l.date > log.logDate);
  logs.splice(
    at === -1 ? logs.length : at,
    0,
    log.value === null || log.value === undefined
      ? { date: log.logDate, status: log.status }
      : { date: log.logDate, status: log.status, value: log.value },
  );
  const recentLogIds = new Map(records.recentLogIds);
  if (log.logDate >= addDays(today, -(RECENT_DAYS - 1)) && log.logDate <= today)
    recentLogIds.set(log.logDate, log.id);
  return {
    ...records,
    logs,
    todayLog:
      log.logDate === today
        ? {
            id: log.id,
            status: log.status,
            notes: log.notes,
            ...(log.value === undefined ? {} : { value: log.value }),
          }
        : records.todayLog,
    recentLogIds,
  };
}

/** The records read before a log was deleted, without that day's log (see `withWrittenLog`). */
export function withoutLogOn(
  records: HabitRecords,
  day: LocalDate,
  today: LocalDate,
): HabitRecords {
  const recentLogIds = new Map(records.recentLogIds);
  recentLogIds.delete(day);
  return {
    ...records,
    logs: records.logs.filter((l) => l.date !== day),
    todayLog: day === today ? null : records.todayLog,
    recentLogIds,
  };
}

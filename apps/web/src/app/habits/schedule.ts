import type { HabitDto } from '@habit-tracker/api-client';

/** The four ways the builder offers to repeat a habit (SPEC.md §3 Schedules). */
export type ScheduleKind = 'daily' | 'weekly' | 'weekdays' | 'interval';

export interface ScheduleDraft {
  kind: ScheduleKind;
  timesPerWeek: number;
  /** ISO weekdays 1 = Mon … 7 = Sun. */
  daysOfWeek: readonly number[];
  intervalDays: number;
}

export interface ScheduleFields {
  frequency: 'daily' | 'weekly' | 'custom';
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
}

export const WEEKDAYS = [
  { iso: 1, short: 'Mon', long: 'Monday' },
  { iso: 2, short: 'Tue', long: 'Tuesday' },
  { iso: 3, short: 'Wed', long: 'Wednesday' },
  { iso: 4, short: 'Thu', long: 'Thursday' },
  { iso: 5, short: 'Fri', long: 'Friday' },
  { iso: 6, short: 'Sat', long: 'Saturday' },
  { iso: 7, short: 'Sun', long: 'Sunday' },
] as const;

export const DEFAULT_SCHEDULE: ScheduleDraft = {
  kind: 'daily',
  timesPerWeek: 3,
  daysOfWeek: [1, 3, 5],
  intervalDays: 2,
};

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The schedule in words: "every day", "3 times a week", "every Mon, Wed and Fri", "every 3 days". */
export function describeSchedule(draft: ScheduleDraft): string {
  switch (draft.kind) {
    case 'daily':
      return 'every day';
    case 'weekly':
      if (!isWholeNumberIn(draft.timesPerWeek, 1, 7)) return 'a number of times a week (1 to 7)';
      if (draft.timesPerWeek === 1) return 'once a week';
      if (draft.timesPerWeek === 7) return '7 times a week (every day of the week)';
      return `${draft.timesPerWeek} times a week`;
    case 'weekdays': {
      const days = [...new Set(draft.daysOfWeek)].sort((a, b) => a - b);
      if (days.length === 0) return 'on no day yet: pick at least one';
      if (days.length === 7) return 'every day of the week';
      if (days.join() === '1,2,3,4,5') return 'every weekday (Mon to Fri)';
      if (days.join() === '6,7') return 'every weekend (Sat and Sun)';
      return `every ${listInWords(days.map((iso) => WEEKDAYS[iso - 1].short))}`;
    }
    case 'interval':
      if (!isWholeNumberIn(draft.intervalDays, 2, 365)) return 'every few days (2 to 365)';
      return draft.intervalDays === 2 ? 'every other day' : `every ${draft.intervalDays} days`;
  }
}

/** What a habit's stored schedule looks like in the builder. */
export function scheduleOf(
  habit: Pick<HabitDto, 'frequency' | 'timesPerWeek' | 'daysOfWeek' | 'intervalDays'>,
): ScheduleDraft {
  if (habit.frequency === 'weekly')
    return { ...DEFAULT_SCHEDULE, kind: 'weekly', timesPerWeek: habit.timesPerWeek ?? 3 };
  if (habit.frequency === 'custom' && habit.intervalDays)
    return { ...DEFAULT_SCHEDULE, kind: 'interval', intervalDays: habit.intervalDays };
  if (habit.frequency === 'custom')
    return { ...DEFAULT_SCHEDULE, kind: 'weekdays', daysOfWeek: habit.daysOfWeek ?? [] };
  return { ...DEFAULT_SCHEDULE };
}

/** The API's fields for a draft: exactly the ones its kind uses, the others null. */
export function toScheduleFields(draft: ScheduleDraft): ScheduleFields {
  switch (draft.kind) {
    case 'daily':
      return { frequency: 'daily', timesPerWeek: null, daysOfWeek: null, intervalDays: null };
    case 'weekly':
      return {
        frequency: 'weekly',
        timesPerWeek: draft.timesPerWeek,
        daysOfWeek: null,
        intervalDays: null,
      };
    case 'weekdays':
      return {
        frequency: 'custom',
        timesPerWeek: null,
        daysOfWeek: [...new Set(draft.daysOfWeek)].sort((a, b) => a - b),
        intervalDays: null,
      };
    case 'interval':
      return {
        frequency: 'custom',
        timesPerWeek: null,
        daysOfWeek: null,
        intervalDays: draft.intervalDays,
      };
  }
}

// Test helpers: compact habit histories for the scenario tables (not part of the public API).
import { addDays, LocalDate } from '../calendar/local-date';
import { Difficulty, HabitHistory, HabitLogEntry, LogStatus } from '../habit/habit-history';
import { MeasureTarget } from '../measure/measure-target';
import { PausePeriod, UserStatus } from '../schedule/pauses';
import { ScheduleVersion } from '../schedule/schedule';

export const daily = (effectiveFrom: LocalDate): ScheduleVersion => ({
  effectiveFrom,
  frequency: 'daily',
  timesPerWeek: null,
  daysOfWeek: null,
  intervalDays: null,
});

export const weekly = (effectiveFrom: LocalDate, timesPerWeek: number): ScheduleVersion => ({
  effectiveFrom,
  frequency: 'weekly',
  timesPerWeek,
  daysOfWeek: null,
  intervalDays: null,
});

export const onWeekdays = (effectiveFrom: LocalDate, daysOfWeek: number[]): ScheduleVersion => ({
  effectiveFrom,
  frequency: 'custom',
  timesPerWeek: null,
  daysOfWeek,
  intervalDays: null,
});

export const everyNDays = (effectiveFrom: LocalDate, intervalDays: number): ScheduleVersion => ({
  effectiveFrom,
  frequency: 'custom',
  timesPerWeek: null,
  daysOfWeek: null,
  intervalDays,
});

const LETTERS: Record<string, LogStatus | null> = {
  D: 'done',
  S: 'skipped',
  M: 'missed',
  '.': null,
};

/**
 * Logs from a pattern, one letter per day from `from`: D done, S skipped, M missed, '.' no
 * log; spaces are ignored (use them to mark weeks).
 */
export function logsFrom(from: LocalDate, pattern: string): HabitLogEntry[] {
  const logs: HabitLogEntry[] = [];
  let offset = 0;
  for (const letter of pattern) {
    if (letter === ' ') continue;
    const status = LETTERS[letter];
    if (status === undefined) throw new Error(`Unknown log letter ${letter}`);
    if (status) logs.push({ date: addDays(from, offset), status });
    offset++;
  }
  return logs;
}

export function habit(options: {
  start: LocalDate;
  createdOn?: LocalDate;
  schedules?: ScheduleVersion[];
  pauses?: PausePeriod[];
  logs?: HabitLogEntry[];
  status?: UserStatus;
  difficulty?: Difficulty;
}): HabitHistory {
  return {
    startDate: options.start,
    createdOn: options.createdOn ?? options.start,
    schedules: options.schedules ?? [daily(options.start)],
    pauses: options.pauses ?? [],
    logs: options.logs ?? [],
    userStatus: options.status ?? 'active',
    difficulty: options.difficulty ?? 'medium',
  };
}

/** A measurable habit's target (SPEC §6). */
export const target = (
  type: MeasureTarget['type'],
  value: number,
  period: MeasureTarget['period'],
): MeasureTarget => ({ type, value, period });

/**
 * Measurable logs from a list, one entry per day from `from`: a number is that day's value,
 * 'S' a skip, null no log.
 */
export function valuesFrom(from: LocalDate, entries: (number | 'S' | null)[]): HabitLogEntry[] {
  const logs: HabitLogEntry[] = [];
  entries.forEach((entry, offset) => {
    const date = addDays(from, offset);
    if (entry === 'S') logs.push({ date, status: 'skipped' });
    else if (entry !== null) logs.push({ date, status: 'done', value: entry });
  });
  return logs;
}

/** Measurable logs on given dates: `{ '2026-03-02': 8, '2026-03-03': 'S' }`. */
export function valuesOn(entries: Record<LocalDate, number | 'S'>): HabitLogEntry[] {
  return Object.entries(entries).map(([date, entry]) =>
    entry === 'S' ? { date, status: 'skipped' as const } : { date, status: 'done', value: entry },
  );
}

export function measurable(options: {
  start: LocalDate;
  target: MeasureTarget;
  unit?: string;
  createdOn?: LocalDate;
  schedules?: ScheduleVersion[];
  pauses?: PausePeriod[];
  logs?: HabitLogEntry[];
  status?: UserStatus;
  difficulty?: Difficulty;
}): HabitHistory {
  return {
    ...habit(options),
    kind: 'measure',
    unit: options.unit ?? 'units',
    target: options.target,
  };
}

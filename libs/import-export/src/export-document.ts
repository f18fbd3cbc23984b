import type { LocalDate } from '@app/contracts';
import {
  isMeasureValue,
  isValidLocalDate,
  normalizeSchedule,
  validateMeasureDefinition,
  validatePausePeriods,
  validateSchedule,
  type Frequency,
  type ScheduleVersion,
} from '@app/domain';
import { importRefused } from './import-error';
import type { ImportedGoal, ImportedHabit, ImportedLog, ImportPlan } from './import-plan';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_IMPORT_GOALS,
  MAX_IMPORT_HABITS,
  MAX_IMPORT_LOGS,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
} from './limits';

export const EXPORT_FORMAT = 'habit-tracker';
export const EXPORT_VERSION = 1;

/** `GET /api/export?format=json`, version 1: the whole account (SPEC.md §6 "Import and export"). */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings: { timezone: string; dayStartHour: number; nudgeHour: number };
  habits: ExportedHabit[];
  goals: ExportedGoal[];
}

export interface ExportedHabit {
  id: string;
  externalId: string | null;
  name: string;
  description: string | null;
  kind: 'check' | 'measure';
  /** Measurable habits: the unit and the target; null for check habits. */
  unit: string | null;
  targetType: 'at_least' | 'at_most' | null;
  targetValue: number | null;
  targetPeriod: 'day' | 'week' | 'month' | null;
  frequency: Frequency;
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
  startDate: LocalDate;
  createdOn: LocalDate;
  status: 'active' | 'paused' | 'archived';
  difficulty: 'easy' | 'medium' | 'hard';
  priority: 'low' | 'medium' | 'high';
  color: string;
  icon: string | null;
  schedules: ScheduleVersion[];
  pausePeriods: { from: LocalDate; to: LocalDate | null }[];
  /** `value`: a measurable habit's day (null when skipped); null for check habits. */
  logs: {
    date: LocalDate;
    status: 'done' | 'skipped' | 'missed';
    notes: string | null;
    value: number | null;
  }[];
}

export interface ExportedGoal {
  id: string;
  name: string;
  description: string | null;
  targetValue: number;
  unit: string;
  startDate: LocalDate;
  deadline: LocalDate | null;
  baseValue: number;
  habits: { habitId: string; contributionWeight: number; count: 'completions' | 'value' }[];
}

const COLORS = [
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
  'red',
  'orange',
  'amber',
  'slate',
];

class Reader {
  constructor(private readonly path: string) {}

  fail(message: string): never {
    throw importRefused(
      'IMPORT_MALFORMED',
      `The export document is not valid: ${message.replace(/\.$/, '')}.`,
    );
  }

  object(value: unknown, path = this.path): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(`${path} must be an object`);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(value)) this.fail(`${path} must be an array`);
    if (value.length > max) {
      throw importRefused('IMPORT_TOO_MANY_ROWS', `${path} has more than ${max} items.`);
    }
    return value;
  }

  string(value: unknown, path: string, min: number, max: number): string {
    if (typeof value !== 'string' || value.length < min || value.length > max)
      this.fail(`${path} must be a string of ${min}–${max} characters`);
    if (value.includes('\u0000')) this.fail(`${path} holds a NUL character`);
    return value;
  }

  /** A name: 1–max characters, not only spaces. */
  name(value: unknown, path: string, max: number): string {
    const text = this.string(value, path, 1, max);
    if (text.trim() === '') this.fail(`${path} must not be blank`);
    return text;
  }

  optionalString(value: unknown, path: string, max: number): string | null {
    return value === null || value === undefined ? null : this.string(value, path, 0, max);
  }

  date(value: unknown, path: string): LocalDate {
    if (!isValidLocalDate(value)) this.fail(`${path} must be a date YYYY-MM-DD`);
    return value;
  }

  number(value: unknown, path: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
      this.fail(`${path} must be a number ${min}–${max}`);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number {
    const n = this.number(value, path, min, max);
    if (!Number.isInteger(n)) this.fail(`${path} must be an integer`);
    return n;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T))
      this.fail(`${path} must be one of ${allowed.join(', ')}`);
    return value as T;
  }
}

/**
 * Our own export document (format `habit-tracker`, version 1) as an import plan, every field
 * checked (422 IMPORT_MALFORMED naming the first bad one). Logs after `today` are left out with
 * a warning; settings are kept for an empty account (the caller decides).
 */
export function parseExportDocument(value: unknown, today: LocalDate): ImportPlan {
  const r: Reader = new Reader('document');
  const doc = r.object(value);
  if (doc.format !== EXPORT_FORMAT) r.fail(`format must be "${EXPORT_FORMAT}"`);
  if (doc.version !== EXPORT_VERSION) {
    throw importRefused(
      'IMPORT_VERSION_UNSUPPORTED',
      `Export documents of version ${String(doc.version)} cannot be read; this server reads version ${EXPORT_VERSION}.`,
    );
  }
  const settingsIn = r.object(doc.settings, 'settings');
  const timezone = r.string(settingsIn.timezone, 'settings.timezone', 1, 64);
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    r.fail('settings.timezone is not a known time zone');
  }
  const settings = {
    timezone,
    dayStartHour: r.integer(settingsIn.dayStartHour, 'settings.dayStartHour', 0, 23),
    nudgeHour: r.integer(settingsIn.nudgeHour, 'settings.nudgeHour', 0, 23),
  };
  const warnings: string[] = [];
  let future = 0;
  let logCount = 0;
  const ids = new Map<string, number>();
  const habits: ImportedHabit[] = r
    .array(doc.habits, 'habits', MAX_IMPORT_HABITS)
    .map((item, i) => {
      const path = `habits[${i}]`;
      const h = r.object(item, path);
      const kind = r.oneOf(h.kind ?? 'check', `${path}.kind`, ['check', 'measure'] as const);
      if (typeof h.id === 'string') ids.set(h.id, i);
      const startDate = r.date(h.startDate, `${path}.startDate`);
      const schedules = r.array(h.schedules, `${path}.schedules`, 1000).map((s, j) => {
        const sp = `${path}.schedules[${j}]`;
        const o = r.object(s, sp);
        const input = {
          frequency: o.frequency as Frequency,
          timesPerWeek: (o.timesPerWeek ?? null) as number | null,
          daysOfWeek: (o.daysOfWeek ?? null) as number[] | null,
          intervalDays: (o.intervalDays ?? null) as number | null,
        };
        const errors = validateSchedule(input);
        if (errors.length > 0) r.fail(`${sp}: ${errors[0].message}`);
        return {
          effectiveFrom: r.date(o.effectiveFrom, `${sp}.effectiveFrom`),
          ...normalizeSchedule(input),
        };
      });
      if (schedules.length === 0) r.fail(`${path}.schedules must hold at least one schedule`);
      const target =
        kind === 'measure'
          ? { type: h.targetType, value: h.targetValue, period: h.targetPeriod }
          : h.targetType === null || h.targetType === undefined
            ? null
            : h.targetType;
      const measureErrors = validateMeasureDefinition(
        { kind, unit: h.unit, target },
        schedules[schedules.length - 1],
      );
      if (measureErrors.length > 0)
        r.fail(`${path}.${measureErrors[0].path}: ${measureErrors[0].message}`);
      const measure =
        kind === 'measure'
          ? {
              unit: (h.unit as string).trim(),
              target: {
                type: h.targetType as 'at_least' | 'at_most',
                value: h.targetValue as number,
                period: h.targetPeriod as 'day' | 'week' | 'month',
              },
            }
          : null;
      for (let j = 1; j < schedules.length; j++)
        if (schedules[j].effectiveFrom <= schedules[j - 1].effectiveFrom)
          r.fail(`${path}.schedules must be in order of effectiveFrom`);
      const pauseInput = r.array(h.pausePeriods ?? [], `${path}.pausePeriods`, 1000).map((p, j) => {
        const o = r.object(p, `${path}.pausePeriods[${j}]`);
        return { from: o.from as string, to: (o.to ?? null) as string | null };
      });
      const { pauses, errors } = validatePausePeriods(pauseInput);
      if (errors.length > 0) r.fail(`${path}.${errors[0].path}: ${errors[0].message}`);
      const logsIn = r.array(h.logs ?? [], `${path}.logs`, MAX_IMPORT_LOGS);
      logCount += logsIn.length;
      if (logCount > MAX_IMPORT_LOGS)
        throw importRefused(
          'IMPORT_TOO_MANY_ROWS',
          `The document holds more than ${MAX_IMPORT_LOGS} logs.`,
        );
      const seen = new Set<string>();
      const logs: ImportedLog[] = [];
      logsIn.forEach((l, j) => {
        const lp = `${path}.logs[${j}]`;
        const o = r.object(l, lp);
        const date = r.date(o.date, `${lp}.date`);
        if (seen.has(date)) r.fail(`${lp}: a second log on ${date}`);
        seen.add(date);
        if (date < startDate) r.fail(`${lp}: dated before the habit's startDate`);
        const log: ImportedLog = {
          date,
          status: r.oneOf(o.status, `${lp}.status`, ['done', 'skipped', 'missed'] as const),
          notes: r.optionalString(o.notes, `${lp}.notes`, MAX_NOTES_LENGTH),
        };
        const value = o.value ?? null;
        if (kind === 'check') {
          if (value !== null) r.fail(`${lp}.value is only for measurable habits`);
        } else if (log.status === 'done') {
          if (!isMeasureValue(value))
            r.fail(`${lp}.value must be a number 0–999999999.999 with at most 3 decimals`);
          log.value = value;
        } else if (log.status === 'skipped') {
          if (value !== null) r.fail(`${lp}: a skipped day has no value`);
          log.value = null;
        } else {
          r.fail(`${lp}.status of a measurable habit must be done or skipped`);
        }
        if (date > today) future += 1;
        else logs.push(log);
      });
      return {
        externalId: r.optionalString(h.externalId, `${path}.externalId`, 100),
        name: r.name(h.name, `${path}.name`, MAX_NAME_LENGTH),
        description: r.optionalString(h.description, `${path}.description`, MAX_DESCRIPTION_LENGTH),
        kind,
        measure,
        schedules,
        startDate,
        createdOn: h.createdOn === undefined ? null : r.date(h.createdOn, `${path}.createdOn`),
        status: r.oneOf(h.status ?? 'active', `${path}.status`, [
          'active',
          'paused',
          'archived',
        ] as const),
        pauses,
        difficulty: r.oneOf(h.difficulty ?? 'medium', `${path}.difficulty`, [
          'easy',
          'medium',
          'hard',
        ] as const),
        priority: r.oneOf(h.priority ?? 'medium', `${path}.priority`, [
          'low',
          'medium',
          'high',
        ] as const),
        color: r.oneOf(h.color ?? 'green', `${path}.color`, COLORS),
        icon: r.optionalString(h.icon, `${path}.icon`, 32),
        logs,
      };
    });
  const goals: ImportedGoal[] = r
    .array(doc.goals ?? [], 'goals', MAX_IMPORT_GOALS)
    .map((item, i) => {
      const path = `goals[${i}]`;
      const g = r.object(item, path);
      const startDate = r.date(g.startDate, `${path}.startDate`);
      const deadline =
        g.deadline === null || g.deadline === undefined
          ? null
          : r.date(g.deadline, `${path}.deadline`);
      if (deadline !== null && deadline < startDate)
        r.fail(`${path}.deadline is before its startDate`);
      const linked = new Set<number>();
      const links = r.array(g.habits ?? [], `${path}.habits`, MAX_IMPORT_HABITS).map((l, j) => {
        const o = r.object(l, `${path}.habits[${j}]`);
        const habitIndex = typeof o.habitId === 'string' ? ids.get(o.habitId) : undefined;
        if (habitIndex === undefined)
          r.fail(`${path}.habits[${j}].habitId names no habit of the document`);
        if (linked.has(habitIndex)) r.fail(`${path}.habits[${j}] links a habit twice`);
        linked.add(habitIndex);
        const weight = o.contributionWeight ?? 1;
        const count = r.oneOf(o.count ?? 'completions', `${path}.habits[${j}].count`, [
          'completions',
          'value',
        ] as const);
        if (count === 'value' && habits[habitIndex].kind !== 'measure')
          r.fail(`${path}.habits[${j}]: count value needs a measurable habit`);
        return {
          habitIndex,
          count,
          contributionWeight: r.number(
            weight,
            `${path}.habits[${j}].contributionWeight`,
            1e-9,
            1000,
          ),
        };
      });
      return {
        name: r.name(g.name, `${path}.name`, MAX_NAME_LENGTH),
        description: r.optionalString(g.description, `${path}.description`, MAX_DESCRIPTION_LENGTH),
        targetValue: r.number(g.targetValue, `${path}.targetValue`, 1e-9, 1e9),
        unit: r.name(g.unit, `${path}.unit`, 32),
        startDate,
        deadline,
        baseValue: r.number(g.baseValue ?? 0, `${path}.baseValue`, 0, 1e9),
        links,
      };
    });
  if (future > 0) warnings.push(`${future} logs dated after today were left out.`);
  return { source: 'habit_tracker_json', settings, habits, goals, skippedHabits: [], warnings };
}

// fast-check arbitraries for random habit histories (tests only, not part of the public API).
import fc from 'fast-check';
import { addDays, LocalDate } from '../calendar/local-date';
import { HabitHistory, HabitLogEntry, LogStatus } from '../habit/habit-history';
import { MeasureTarget, TargetPeriod, TargetType } from '../measure/measure-target';
import { mergePauses, PausePeriod } from '../schedule/pauses';
import { Schedule, ScheduleVersion } from '../schedule/schedule';

/** Monday 2026-01-05: every generated day is an offset from it. */
export const BASE_DAY = '2026-01-05';

/** Every schedule kind: daily, weekly n, custom weekdays, custom every N days. */
export const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constant<Schedule>({
    frequency: 'daily',
    timesPerWeek: null,
    daysOfWeek: null,
    intervalDays: null,
  }),
  fc.integer({ min: 1, max: 7 }).map<Schedule>((n) => ({
    frequency: 'weekly',
    timesPerWeek: n,
    daysOfWeek: null,
    intervalDays: null,
  })),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
    .map<Schedule>((days) => ({
      frequency: 'custom',
      timesPerWeek: null,
      daysOfWeek: days.sort((a, b) => a - b),
      intervalDays: null,
    })),
  fc.oneof(fc.integer({ min: 2, max: 9 }), fc.constant(365)).map<Schedule>((n) => ({
    frequency: 'custom',
    timesPerWeek: null,
    daysOfWeek: null,
    intervalDays: n,
  })),
);

export const logStatusArb: fc.Arbitrary<LogStatus> = fc.constantFrom(
  'done',
  'done',
  'skipped',
  'missed',
);

export const SPAN_DAYS = 70;

/**
 * A random habit: startDate up to 20 days after BASE_DAY, created up to 5 days later (so
 * startDate may be backdated), up to 3 later schedule edits, up to 3 pauses (one maybe open),
 * logs on about half of the span's days.
 */
export const historyArb: fc.Arbitrary<HabitHistory> = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 20 }),
    createdDelay: fc.integer({ min: 0, max: 5 }),
    first: scheduleArb,
    edits: fc.array(fc.record({ after: fc.integer({ min: 1, max: 60 }), schedule: scheduleArb }), {
      maxLength: 3,
    }),
    pauses: fc.array(
      fc.record({
        from: fc.integer({ min: -5, max: SPAN_DAYS }),
        length: fc.integer({ min: 0, max: 12 }),
        open: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    logs: fc.array(fc.option(logStatusArb, { nil: null, freq: 2 }), {
      minLength: SPAN_DAYS,
      maxLength: SPAN_DAYS,
    }),
  })
  .map(({ startOffset, createdDelay, first, edits, pauses, logs }) => {
    const startDate = addDays(BASE_DAY, startOffset);
    const createdOn = addDays(startDate, createdDelay);
    const schedules: ScheduleVersion[] = [
      { ...first, effectiveFrom: createdOn },
      ...edits.map(({ after, schedule }) => ({
        ...schedule,
        effectiveFrom: addDays(createdOn, after),
      })),
    ];
    const pausePeriods: PausePeriod[] = pauses.map(({ from, length, open }, index) => ({
      from: addDays(startDate, from),
      to: open && index === pauses.length - 1 ? null : addDays(startDate, from + length),
    }));
    const logEntries: HabitLogEntry[] = [];
    logs.forEach((status, offset) => {
      if (status) logEntries.push({ date: addDays(startDate, offset), status });
    });
    return {
      startDate,
      createdOn,
      schedules,
      pauses: mergePauses(pausePeriods),
      logs: logEntries,
      userStatus: 'active' as const,
      difficulty: 'medium' as const,
    };
  });

/** The run settings every property uses: ≥ 200 runs and a printed, replayable seed. */
export function propertySettings(name: string): { seed: number; numRuns: number } {
  const numRuns = Math.max(200, Number(process.env.FC_RUNS ?? 200));
  const seed = process.env.FC_SEED
    ? Number(process.env.FC_SEED)
    : Date.now() ^ (Math.random() * 0x7fffffff);
  console.log(`[fast-check] ${name}: seed ${seed}, ${numRuns} runs (replay with FC_SEED=${seed})`);
  return { seed, numRuns };
}

export function withLog(
  history: HabitHistory,
  date: LocalDate,
  status: LogStatus | null,
): HabitHistory {
  const logs = history.logs.filter((log) => log.date !== date);
  if (status) logs.push({ date, status });
  return { ...history, logs };
}

export function logOn(history: HabitHistory, date: LocalDate): LogStatus | null {
  return history.logs.find((log) => log.date === date)?.status ?? null;
}

// Measurable habits (SPEC §6).

/** Values with at most 3 decimals: whole numbers, tenths (float-drift bait) and thousandths. */
export const measureValueArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 120 }).map((tenths) => tenths / 10),
  fc.integer({ min: 0, max: 12000 }).map((thousandths) => thousandths / 1000),
);

export const measureTargetArb: fc.Arbitrary<MeasureTarget> = fc
  .record({
    type: fc.constantFrom<TargetType>('at_least', 'at_most'),
    period: fc.constantFrom<TargetPeriod>('day', 'week', 'month'),
    thousandths: fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((n) => n * 1000),
      fc.integer({ min: 1, max: 12000 }),
      fc.constant(0),
    ),
  })
  .map(({ type, period, thousandths }) => {
    // A day's target in the units of one day's values; weeks and months hold several days.
    const scale = period === 'day' ? 1 : period === 'week' ? 4 : 12;
    const value = (type === 'at_least' ? Math.max(1, thousandths) : thousandths) * scale;
    return { type, period, value: value / 1000 };
  });

/** The schedules a measurable habit may have: day-based for period `day`, daily otherwise. */
export function measureScheduleArb(period: TargetPeriod): fc.Arbitrary<Schedule> {
  return period === 'day'
    ? scheduleArb.filter((schedule) => schedule.frequency !== 'weekly')
    : fc.constant<Schedule>({
        frequency: 'daily',
        timesPerWeek: null,
        daysOfWeek: null,
        intervalDays: null,
      });
}

/** A day's measurable log: a value (most often), a skip, or nothing. */
export const measureLogArb: fc.Arbitrary<number | 'S' | null> = fc.oneof(
  { weight: 5, arbitrary: measureValueArb },
  { weight: 1, arbitrary: fc.constant<'S'>('S') },
  { weight: 4, arbitrary: fc.constant(null) },
);

/**
 * A random measurable habit, shaped like `historyArb`: a target of any type and period,
 * schedules valid for it (edits included), up to 3 pauses, values or skips on about half of
 * the span's days.
 */
export const measureHistoryArb: fc.Arbitrary<HabitHistory> = measureTargetArb.chain((target) =>
  fc
    .record({
      startOffset: fc.integer({ min: 0, max: 20 }),
      createdDelay: fc.integer({ min: 0, max: 5 }),
      first: measureScheduleArb(target.period),
      edits: fc.array(
        fc.record({
          after: fc.integer({ min: 1, max: 60 }),
          schedule: measureScheduleArb(target.period),
        }),
        { maxLength: 3 },
      ),
      pauses: fc.array(
        fc.record({
          from: fc.integer({ min: -5, max: SPAN_DAYS }),
          length: fc.integer({ min: 0, max: 12 }),
          open: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      logs: fc.array(measureLogArb, { minLength: SPAN_DAYS, maxLength: SPAN_DAYS }),
      userStatus: fc.constantFrom<'active' | 'paused'>('active', 'active', 'active', 'paused'),
    })
    .map(({ startOffset, createdDelay, first, edits, pauses, logs, userStatus }) => {
      const startDate = addDays(BASE_DAY, startOffset);
      const createdOn = addDays(startDate, createdDelay);
      const logEntries: HabitLogEntry[] = [];
      logs.forEach((entry, offset) => {
        const date = addDays(startDate, offset);
        if (entry === 'S') logEntries.push({ date, status: 'skipped' });
        else if (entry !== null) logEntries.push({ date, status: 'done', value: entry });
      });
      return {
        startDate,
        createdOn,
        schedules: [
          { ...first, effectiveFrom: createdOn },
          ...edits.map(({ after, schedule }) => ({
            ...schedule,
            effectiveFrom: addDays(createdOn, after),
          })),
        ],
        pauses: mergePauses(
          pauses.map(({ from, length, open }, index) => ({
            from: addDays(startDate, from),
            to: open && index === pauses.length - 1 ? null : addDays(startDate, from + length),
          })),
        ),
        logs: logEntries,
        userStatus,
        difficulty: 'medium' as const,
        kind: 'measure' as const,
        unit: 'units',
        target,
      };
    }),
);

/** The history with that day's measurable log replaced (a value, a skip, or none). */
export function withMeasureLog(
  history: HabitHistory,
  date: LocalDate,
  entry: number | 'S' | null,
): HabitHistory {
  const logs = history.logs.filter((log) => log.date !== date);
  if (entry === 'S') logs.push({ date, status: 'skipped' });
  else if (entry !== null) logs.push({ date, status: 'done', value: entry });
  return { ...history, logs };
}

/** A measurable day's log: its value, 'S' when skipped, null when none. */
export function measureLogOn(history: HabitHistory, date: LocalDate): number | 'S' | null {
  const log = history.logs.find((entry) => entry.date === date);
  if (!log) return null;
  return typeof log.value === 'number' ? log.value : log.status === 'skipped' ? 'S' : null;
}

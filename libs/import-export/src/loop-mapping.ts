import type { LocalDate } from '@app/contracts';
import { addDays, isValidLocalDate, MAX_MEASURE_VALUE, type Schedule } from '@app/domain';
import type { ImportedLog, ImportPlan, ImportSource, MeasureDefinition } from './import-plan';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from './limits';

/** A Loop Habit Tracker habit, as its backup (`Habits` table) or its CSV (`Habits.csv`) has it. */
export interface LoopHabit {
  uuid: string | null;
  name: string;
  description: string | null;
  question: string | null;
  /** 0 yes/no, 1 numerical. */
  type: number;
  freqNum: number;
  freqDen: number;
  archived: boolean;
  position: number;
  color: number | null;
  unit: string | null;
  /** 0 at least, 1 at most. */
  targetType: number;
  targetValue: number;
}

/**
 * One Loop repetition: `value` as Loop stores it (yes/no: −1 unknown, 0 no, 1 automatic yes,
 * 2 manual yes, 3 skip; numerical: the amount × 1000).
 */
export interface LoopRepetition {
  date: LocalDate;
  value: number;
  notes: string | null;
}

/** Loop's colour palette (indices 0–19) in our ten colours. */
const LOOP_COLORS = [
  'red',
  'orange',
  'orange',
  'amber',
  'amber',
  'green',
  'green',
  'green',
  'teal',
  'teal',
  'blue',
  'blue',
  'indigo',
  'purple',
  'purple',
  'pink',
  'amber',
  'slate',
  'slate',
  'slate',
] as const;

export const loopColor = (index: number | null): string =>
  index !== null && Number.isInteger(index) && index >= 0 && index < LOOP_COLORS.length
    ? LOOP_COLORS[index]
    : 'green';

/**
 * SPEC.md §6 "Loop mapping" of a frequency num/den: 1/1 → daily; n/7 → weekly n; 1/k → every k
 * days; anything else → weekly round(7n/d) clamped to 1–7, with a warning.
 */
export function loopSchedule(
  num: number,
  den: number,
): { schedule: Schedule; approximated: boolean } {
  const none = { timesPerWeek: null, daysOfWeek: null, intervalDays: null };
  if (num === 1 && den === 1)
    return { schedule: { frequency: 'daily', ...none }, approximated: false };
  if (den === 7 && Number.isInteger(num) && num >= 1 && num <= 7)
    return { schedule: { frequency: 'weekly', ...none, timesPerWeek: num }, approximated: false };
  if (num === 1 && Number.isInteger(den) && den >= 2 && den <= 365)
    return { schedule: { frequency: 'custom', ...none, intervalDays: den }, approximated: false };
  const perWeek = num > 0 && den > 0 ? Math.round((7 * num) / den) : 7;
  return {
    schedule: { frequency: 'weekly', ...none, timesPerWeek: Math.min(7, Math.max(1, perWeek)) },
    approximated: true,
  };
}

/** A numerical habit's definition: target type, value and unit kept; the denominator gives the period. */
export function loopMeasure(habit: LoopHabit): {
  measure: MeasureDefinition;
  approximated: boolean;
} {
  const type = habit.targetType === 1 ? 'at_most' : 'at_least';
  // An `at_least` target is above 0 (SPEC §6); no value passes the largest a value may hold.
  const value = Math.min(
    MAX_MEASURE_VALUE,
    Math.max(type === 'at_least' ? 0.001 : 0, Math.round(habit.targetValue * 1000) / 1000),
  );
  const unit = (habit.unit ?? '').trim().slice(0, 20) || 'units';
  const den = habit.freqDen;
  if (den === 1)
    return { measure: { unit, target: { type, value, period: 'day' } }, approximated: false };
  if (den === 7)
    return { measure: { unit, target: { type, value, period: 'week' } }, approximated: false };
  if (den === 30 || den === 31)
    return { measure: { unit, target: { type, value, period: 'month' } }, approximated: false };
  // Another window: the same pace per day.
  const perDay = den > 0 ? Math.round((value / den) * 1000) / 1000 : value;
  return { measure: { unit, target: { type, value: perDay, period: 'day' } }, approximated: true };
}

const clip = (text: string | null, max: number): string | null => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
};

/**
 * Loop habits and their repetitions as an import plan (SPEC.md §6 "Loop mapping"): value 2 →
 * done, 3 → skipped, 0 → missed, 1 (automatic) and −1 → no log; numerical habits become
 * measurable habits (value ÷ 1000); archived → archived (paused from the day after the last
 * repetition). The start date is the first imported day (today for a habit without logs).
 * Days after `today` are left out.
 */
export function mapLoopHabits(
  source: ImportSource,
  loopHabits: LoopHabit[],
  repetitions: Map<LoopHabit, LoopRepetition[]>,
  today: LocalDate,
): ImportPlan {
  const plan: ImportPlan = {
    source,
    settings: null,
    habits: [],
    goals: [],
    skippedHabits: [],
    warnings: [],
  };
  let future = 0;
  let cutNotes = 0;
  let unknownValues = 0;
  const sorted = [...loopHabits].sort((a, b) => a.position - b.position);
  for (const loop of sorted) {
    const name = (loop.name ?? '').trim().slice(0, MAX_NAME_LENGTH) || 'Habit from Loop';
    const numerical = loop.type === 1;
    const byDate = new Map<LocalDate, ImportedLog>();
    for (const rep of repetitions.get(loop) ?? []) {
      if (!isValidLocalDate(rep.date)) {
        unknownValues += 1;
        continue;
      }
      if (rep.date > today) {
        future += 1;
        continue;
      }
      let notes = clip(rep.notes, Number.MAX_SAFE_INTEGER);
      if (notes !== null && notes.length > MAX_NOTES_LENGTH) {
        notes = notes.slice(0, MAX_NOTES_LENGTH);
        cutNotes += 1;
      }
      if (numerical) {
        if (rep.value < 0) continue;
        if (rep.value / 1000 > MAX_MEASURE_VALUE) {
          unknownValues += 1;
          continue;
        }
        byDate.set(rep.date, { date: rep.date, status: 'done', notes, value: rep.value / 1000 });
      } else if (rep.value === 2) byDate.set(rep.date, { date: rep.date, status: 'done', notes });
      else if (rep.value === 3) byDate.set(rep.date, { date: rep.date, status: 'skipped', notes });
      else if (rep.value === 0) byDate.set(rep.date, { date: rep.date, status: 'missed', notes });
      else if (rep.value !== 1 && rep.value !== -1) unknownValues += 1;
    }
    const logs = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    const startDate = logs[0]?.date ?? today;
    let schedule: Schedule;
    let measure: MeasureDefinition | null = null;
    if (numerical) {
      const mapped = loopMeasure(loop);
      measure = mapped.measure;
      schedule = { frequency: 'daily', timesPerWeek: null, daysOfWeek: null, intervalDays: null };
      if (mapped.approximated) {
        plan.warnings.push(
          `"${name}": Loop's ${loop.freqNum}/${loop.freqDen} target window became a daily target of ${measure.target.value} ${measure.unit}.`,
        );
      }
    } else {
      const mapped = loopSchedule(loop.freqNum, loop.freqDen);
      schedule = mapped.schedule;
      if (mapped.approximated) {
        plan.warnings.push(
          `"${name}": Loop's frequency ${loop.freqNum}/${loop.freqDen} became ${schedule.timesPerWeek === 1 ? 'once' : `${schedule.timesPerWeek} times`} a week.`,
        );
      }
    }
    const lastLog = logs[logs.length - 1]?.date;
    const pauseFrom = lastLog === undefined ? startDate : addDays(lastLog, 1);
    plan.habits.push({
      externalId: loop.uuid?.trim().slice(0, 100) || null,
      name,
      description:
        clip(loop.description, MAX_DESCRIPTION_LENGTH) ??
        clip(loop.question, MAX_DESCRIPTION_LENGTH),
      kind: numerical ? 'measure' : 'check',
      measure,
      schedules: [{ effectiveFrom: startDate, ...schedule }],
      startDate,
      createdOn: null,
      status: loop.archived ? 'archived' : 'active',
      pauses: loop.archived ? [{ from: pauseFrom > today ? today : pauseFrom, to: null }] : [],
      difficulty: 'medium',
      priority: 'medium',
      color: loopColor(loop.color),
      icon: null,
      logs,
    });
  }
  if (future > 0) plan.warnings.push(`${future} entries dated after today were left out.`);
  if (cutNotes > 0)
    plan.warnings.push(
      `${cutNotes} notes were longer than ${MAX_NOTES_LENGTH} characters and were cut.`,
    );
  if (unknownValues > 0)
    plan.warnings.push(`${unknownValues} entries with an unknown value or date were left out.`);
  return plan;
}

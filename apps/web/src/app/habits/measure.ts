import type { HabitDto, MeasurePeriodDto, MeasureTargetDto } from '@habit-tracker/api-client';
import type { ScheduleKind } from './schedule';

/** What the editor holds for a habit's kind, unit and target (SPEC.md §6). */
export interface MeasureDraft {
  kind: 'check' | 'measure';
  unit: string;
  type: MeasureTargetDto['type'];
  /** As typed (a number once valid). */
  value: string;
  period: MeasureTargetDto['period'];
}

export const DEFAULT_MEASURE: MeasureDraft = {
  kind: 'check',
  unit: '',
  type: 'at_least',
  value: '',
  period: 'day',
};

const PERIOD_WORDS: Record<MeasureTargetDto['period'], string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
};

const THREE_DECIMALS = /^\d+(\.\d{1,3})?$/;

/** "at least 8 glasses a day", "at most 2 coffees a day", "at least 20 km a week". */
export function targetWords(target: MeasureTargetDto, unit: string): string {
  const type = target.type === 'at_least' ? 'at least' : 'at most';
  return `${type} ${formatAmount(target.value)} ${unit} ${PERIOD_WORDS[target.period]}`;
}

/** An amount as people write it: at most 3 decimals, no trailing zeros ("2.5", "8"). */
export function formatAmount(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The draft of a stored habit. */
export function measureOf(habit: Pick<HabitDto, 'kind' | 'unit' | 'target'>): MeasureDraft {
  if (habit.kind !== 'measure' || !habit.target) return DEFAULT_MEASURE;
  return {
    kind: 'measure',
    unit: habit.unit ?? '',
    type: habit.target.type,
    value: formatAmount(habit.target.value),
    period: habit.target.period,
  };
}

/** The API's fields for the draft (a check habit sends `kind` only). */
export function toMeasureFields(
  draft: MeasureDraft,
): { kind: 'check' } | { kind: 'measure'; unit: string; target: MeasureTargetDto } {
  if (draft.kind === 'check') return { kind: 'check' };
  return {
    kind: 'measure',
    unit: draft.unit.trim(),
    target: { type: draft.type, value: Number(draft.value), period: draft.period },
  };
}

/** The draft in words for the editor ("at least 8 glasses a day"), or null until complete. */
export function describeMeasure(draft: MeasureDraft): string | null {
  if (draft.kind === 'check' || !THREE_DECIMALS.test(draft.value) || !draft.unit.trim())
    return null;
  return targetWords(
    { type: draft.type, value: Number(draft.value), period: draft.period },
    draft.unit.trim(),
  );
}

/** The server's rules for the kind, unit and target (libs/domain measure-target.ts). */
export function validateMeasure(
  draft: MeasureDraft,
  schedule: ScheduleKind,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.kind === 'check') return errors;
  const unit = draft.unit.trim();
  if (unit.length === 0 || [...unit].length > 20)
    errors['unit'] = 'Give a unit of 1 to 20 characters, such as glasses or km.';
  const value = Number(draft.value);
  if (!THREE_DECIMALS.test(draft.value) || (draft.type === 'at_least' && value <= 0))
    errors['target.value'] =
      draft.type === 'at_least'
        ? 'Enter an amount above 0, with at most 3 decimals.'
        : 'Enter an amount of 0 or more, with at most 3 decimals.';
  if (schedule === 'weekly')
    errors['frequency'] = 'A measured habit cannot be weekly: give it a week target instead.';
  else if (draft.period !== 'day' && schedule !== 'daily')
    errors['target.period'] = 'A week or month target needs a habit due every day.';
  return errors;
}

/** The current period's progress toward the target, 0–1 (null without a target). */
export function periodProgress(period: MeasurePeriodDto | null): number | null {
  if (!period || period.target === null) return null;
  if (period.target === 0) return period.total === 0 ? 0 : 1;
  return Math.min(1, period.total / period.target);
}

/**
 * The habit's usual amount for its second quick-add button: the target's share of one day
 * (8 a day → 8, 20 a week → 3, 100 a month → 3.3), to 2 significant digits; null when that is
 * 1 or less (the +1 button already does it) or the habit is not measured.
 */
export function usualAmount(habit: Pick<HabitDto, 'kind' | 'target'>): number | null {
  if (habit.kind !== 'measure' || !habit.target) return null;
  const days = { day: 1, week: 7, month: 30 }[habit.target.period];
  const share = habit.target.value / days;
  if (share <= 1) return null;
  return Number(share.toPrecision(2));
}

/** "3.5 of 8 glasses today", "12 of 20 km this week", "55 of 45.161 € this month". */
export function periodWords(habit: Pick<HabitDto, 'unit' | 'period' | 'target'>): string | null {
  const { period, target } = habit;
  if (!period || !target) return null;
  const when = { day: 'today', week: 'this week', month: 'this month' }[target.period];
  const of = period.target === null ? '' : ` of ${formatAmount(period.target)}`;
  return `${formatAmount(period.total)}${of} ${habit.unit ?? ''} ${when}`;
}

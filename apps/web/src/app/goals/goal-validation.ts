import type { UserFacingError } from '../errors/user-facing-error';

/** The API's limits (libs/goals goal.dto.ts). */
export const MAX_VALUE = 1e9;
export const MAX_WEIGHT = 1000;

/** A linked habit and its weight as typed (a string until saved). */
export interface LinkDraft {
  habitId: string;
  weight: string;
}

/** The goal form's fields as typed. */
export interface GoalDraft {
  name: string;
  description: string;
  targetValue: string;
  unit: string;
  baseValue: string;
  startDate: string;
  deadline: string;
}

/**
 * The API's rules, checked here first so a person needs no round trip (the server checks
 * everything again): the same limits as its validation. `today` stands in for an empty start.
 */
export function validateGoal(
  value: GoalDraft,
  links: readonly LinkDraft[],
  today: string | null,
): UserFacingError | null {
  const fields: Record<string, string> = {};
  const target = Number(value.targetValue);
  const base = value.baseValue === '' ? 0 : Number(value.baseValue);
  if (!value.name.trim()) fields['name'] = 'Give the goal a name.';
  if (!(target > 0)) fields['targetValue'] = 'The target must be above 0.';
  else if (target > MAX_VALUE) fields['targetValue'] = 'The target can be at most 1,000,000,000.';
  if (!value.unit.trim()) fields['unit'] = 'Say what is counted, e.g. “runs”.';
  if (!(base >= 0)) fields['baseValue'] = 'Cannot be negative.';
  else if (base > MAX_VALUE) fields['baseValue'] = 'Can be at most 1,000,000,000.';
  const start = value.startDate || today || '';
  if (value.deadline && start && value.deadline < start)
    fields['deadline'] = 'The deadline cannot be before the goal starts counting.';
  if (links.some((link) => !(Number(link.weight) > 0)))
    fields['habits'] = 'Each linked habit needs a weight above 0.';
  else if (links.some((link) => Number(link.weight) > MAX_WEIGHT))
    fields['habits'] = 'A done day can count at most 1000.';
  if (Object.keys(fields).length === 0) return null;
  return { message: 'Please correct the highlighted fields.', code: null, status: 0, fields };
}

import type { GoalDto } from '@habit-tracker/api-client';

/** What a goal's card shows: the bar's fill and the words beside it. */
export interface GoalProgressView {
  /** 0–100, for the bar (a goal past its target shows a full bar). */
  percent: number;
  /** "12 of 20 books". */
  label: string;
  /** "8 books to go", "3 books over" (reached and past it), or "" (reached exactly). */
  remainingLabel: string;
  state: 'completed' | 'overdue' | 'in_progress';
  /** "Due 31 December 2026", "Overdue since 1 March 2026", or null without a deadline. */
  deadlineLabel: string | null;
}

/** Whole numbers as they are; fractions (weights like 0.5) to at most two places. */
export function formatAmount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatGoalDate(localDate: string, locale?: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

type GoalFigures = Pick<
  GoalDto,
  'currentValue' | 'targetValue' | 'unit' | 'isCompleted' | 'overdue' | 'deadline'
>;

export function goalProgress(goal: GoalFigures, locale?: string): GoalProgressView {
  const { currentValue, targetValue, unit } = goal;
  const ratio = targetValue > 0 ? currentValue / targetValue : 0;
  const percent = Math.max(0, Math.min(100, Math.floor(ratio * 100)));
  const amount = (value: number) => formatAmount(value, locale);
  const label = `${amount(currentValue)} of ${amount(targetValue)} ${unit}`;
  const over = currentValue - targetValue;
  let remainingLabel: string;
  if (goal.isCompleted) {
    // The card's badge already says "Reached".
    remainingLabel = over > 0 ? `${amount(over)} ${unit} over` : '';
  } else {
    remainingLabel = `${amount(Math.max(0, targetValue - currentValue))} ${unit} to go`;
  }
  const state = goal.isCompleted ? 'completed' : goal.overdue ? 'overdue' : 'in_progress';
  let deadlineLabel: string | null = null;
  if (goal.deadline) {
    const date = formatGoalDate(goal.deadline, locale);
    deadlineLabel = state === 'overdue' ? `Overdue since ${date}` : `Due ${date}`;
  }
  return { percent: goal.isCompleted ? 100 : percent, label, remainingLabel, state, deadlineLabel };
}

/** Goals still to reach first (overdue ones on top), then reached ones; by name within each. */
export function sortGoals(goals: readonly GoalDto[]): GoalDto[] {
  const rank = (goal: GoalDto) => (goal.isCompleted ? 2 : goal.overdue ? 0 : 1);
  return [...goals].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Keeps the held snapshot unless the incoming one is newer (SPEC §4: judge by `version`). */
export function mergeGoal(held: readonly GoalDto[], incoming: GoalDto): GoalDto[] {
  const index = held.findIndex((goal) => goal.id === incoming.id);
  if (index === -1) return [...held, incoming];
  if (held[index].version >= incoming.version) return [...held];
  return held.map((goal, i) => (i === index ? incoming : goal));
}

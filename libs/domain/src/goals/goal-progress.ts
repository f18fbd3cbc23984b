import { LocalDate } from '../calendar/local-date';

export interface GoalLink {
  /** > 0; default 1. */
  contributionWeight: number;
  /** The dates of the linked habit's `done` logs. */
  doneDates: LocalDate[];
}

export interface GoalInput {
  baseValue: number;
  startDate: LocalDate;
  /** > 0. */
  targetValue: number;
  deadline: LocalDate | null;
  links: GoalLink[];
}

export interface GoalProgress {
  currentValue: number;
  isCompleted: boolean;
  /** Past the deadline and not completed. */
  overdue: boolean;
}

/**
 * SPEC §3 "Goals": currentValue = baseValue + Σ weight × done logs dated on/after the goal's
 * startDate (and not after today), rounded to 6 decimals; completed ⇔ currentValue ≥ targetValue; overdue ⇔ a
 * deadline before today and not completed.
 */
export function computeGoalProgress(goal: GoalInput, today: LocalDate): GoalProgress {
  let currentValue = goal.baseValue;
  for (const link of goal.links) {
    const counted = link.doneDates.filter((date) => date >= goal.startDate && date <= today).length;
    currentValue += link.contributionWeight * counted;
  }
  // Weights are decimals: 0.7 + 2 × 0.1 must reach a target of 0.9.
  currentValue = Math.round(currentValue * 1e6) / 1e6;
  const isCompleted = currentValue >= goal.targetValue;
  return {
    currentValue,
    isCompleted,
    overdue: !isCompleted && goal.deadline !== null && goal.deadline < today,
  };
}

/** `goal_completed` fires on each change from incomplete to complete. */
export function goalJustCompleted(before: GoalProgress | null, after: GoalProgress): boolean {
  return after.isCompleted && !(before?.isCompleted ?? false);
}

import { LocalDate } from '../calendar/local-date';
import { computeCountedGoalProgress } from '../measure/goal-contribution';

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
  // One arithmetic for every kind of link: count the done logs in range, then weigh them.
  return computeCountedGoalProgress(
    {
      ...goal,
      links: goal.links.map((link) => ({
        contributionWeight: link.contributionWeight,
        amount: link.doneDates.filter((date) => date >= goal.startDate && date <= today).length,
      })),
    },
    today,
  );
}

/** `goal_completed` fires on each change from incomplete to complete. */
export function goalJustCompleted(
  before: Pick<GoalProgress, 'isCompleted'> | null,
  after: Pick<GoalProgress, 'isCompleted'>,
): boolean {
  return after.isCompleted && !(before?.isCompleted ?? false);
}

import type { ServerEvent } from '@app/contracts';
import { formatAmount } from '../goals/goal-progress';

export type ToastTone = 'success' | 'warning' | 'info';

export interface ToastContent {
  tone: ToastTone;
  title: string;
  body: string;
  /** Where "Open" goes (a habit or the goals page); null when there is nothing to open. */
  link: { label: string; url: string } | null;
}

/** The real-time events a person should notice wherever they are; the rest update pages quietly. */
export function toastFor(event: ServerEvent, locale?: string): ToastContent | null {
  switch (event.type) {
    case 'goal_completed': {
      const { goal } = event.payload;
      return {
        tone: 'success',
        title: 'Goal reached 🎉',
        body: `“${goal.name}”: ${formatAmount(goal.currentValue, locale)} of ${formatAmount(goal.targetValue, locale)} ${goal.unit}.`,
        link: { label: 'See goals', url: '/goals' },
      };
    }
    case 'habit_at_risk': {
      const { habit, consecutiveMisses } = event.payload;
      const misses = consecutiveMisses === 1 ? '1 miss' : `${consecutiveMisses} misses`;
      return {
        tone: 'warning',
        title: `“${habit.name}” is at risk`,
        body: `${misses} in a row. One log today keeps it going.`,
        link: { label: 'Open habit', url: `/habits/${habit.id}` },
      };
    }
    case 'nudge': {
      const { habitId, name } = event.payload;
      return {
        tone: 'info',
        title: `Still time for “${name}”`,
        body: 'It is due today and the last two were missed.',
        link: { label: 'Open habit', url: `/habits/${habitId}` },
      };
    }
    default:
      return null;
  }
}

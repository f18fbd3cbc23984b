import { targetWords } from './measure';
import type { HabitDto } from '@habit-tracker/api-client';
import { formatDayLabel } from './local-dates';
import { describeSchedule, scheduleOf } from './schedule';

/** Short texts about a habit's numbers, shared by the list cards and the detail page. */

export function streakWords(count: number, unit: HabitDto['streakUnit']): string {
  const word = unit === 'week' ? 'week' : 'day';
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function percentWords(score: number | null): string {
  return score === null ? '—' : `${score}%`;
}

/** 0.25 → "25%" (failure rate is a 0–1 fraction). */
export function fractionWords(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export function nextDueWords(habit: Pick<HabitDto, 'nextDueDate' | 'statsAsOf'>): string {
  if (!habit.nextDueDate) return 'Not scheduled';
  if (habit.nextDueDate === habit.statsAsOf) return 'Today';
  return formatDayLabel(habit.nextDueDate);
}

export function scheduleWords(habit: HabitDto): string {
  const schedule = describeSchedule(scheduleOf(habit));
  // A measured habit says its target too: "Every day · at least 8 glasses a day".
  const words =
    habit.kind === 'measure' && habit.target
      ? `${schedule} · ${targetWords(habit.target, habit.unit ?? '')}`
      : schedule;
  return words[0].toUpperCase() + words.slice(1);
}

export const STATUS_LABELS: Record<HabitDto['status'], string> = {
  active: 'Active',
  at_risk: 'At risk',
  paused: 'Paused',
  archived: 'Archived',
};

/** What each figure means, one sentence each (shown in place behind a "?"). */
export const FIGURE_EXPLANATIONS = {
  streak:
    'Due days done in a row, up to the last one that was due (weekly habits: weeks that met their quota); skipped days neither break nor extend it.',
  longestStreak: 'The longest streak this habit has had.',
  consistency:
    'How much of what was due you did: the last 30 days (weekly habits: the last 4 weeks and this one so far).',
  strength:
    'How established the habit is, 0 to 100: each done day builds it up and each miss wears it down slowly, so one miss after a long run barely dents it.',
  failureRate:
    'Of the due days in the last 30 days that are settled, the share you missed (weekly habits: the completions the last 4 weeks fell short by).',
  totals: 'Every day logged done, and every day logged skipped, since the habit started.',
  nextDue:
    'The next day this habit asks for (weekly habits: today while the week’s quota is open).',
} as const;

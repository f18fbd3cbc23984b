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
  const words = describeSchedule(scheduleOf(habit));
  return words[0].toUpperCase() + words.slice(1);
}

export const STATUS_LABELS: Record<HabitDto['status'], string> = {
  active: 'Active',
  at_risk: 'At risk',
  paused: 'Paused',
  archived: 'Archived',
};

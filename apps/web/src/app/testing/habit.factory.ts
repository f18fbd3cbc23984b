import type { HabitDto } from '@habit-tracker/api-client';

let sequence = 0;

/** A habit snapshot as the API returns it, with overrides. */
export function aHabit(overrides: Partial<HabitDto> = {}): HabitDto {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    name: `Habit ${sequence}`,
    description: null,
    frequency: 'daily',
    timesPerWeek: null,
    daysOfWeek: null,
    intervalDays: null,
    startDate: '2026-11-20',
    difficulty: 'medium',
    priority: 'medium',
    status: 'active',
    color: 'green',
    icon: null,
    position: sequence,
    kind: 'check',
    unit: null,
    target: null,
    period: null,
    pausePeriods: [],
    currentStreak: 0,
    longestStreak: 0,
    streakUnit: 'day',
    totalCompletions: 0,
    totalSkips: 0,
    consistencyScore: null,
    failureRate: null,
    strength: 0,
    consecutiveMisses: 0,
    lastCompletedDate: null,
    suggestedFrequency: null,
    statsAsOf: '2026-11-25',
    nextDueDate: '2026-11-25',
    dueToday: true,
    todayLog: null,
    week: null,
    recentDays: ['19', '20', '21', '22', '23', '24', '25'].map((day) => ({
      date: `2026-11-${day}`,
      status: day < '20' ? 'not_due' : day === '25' ? 'pending' : 'missed',
      logId: null,
    })),
    version: 1,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

export function aWeeklyHabit(overrides: Partial<HabitDto> = {}): HabitDto {
  return aHabit({
    frequency: 'weekly',
    timesPerWeek: 3,
    streakUnit: 'week',
    week: { done: 0, quota: 3 },
    ...overrides,
  });
}

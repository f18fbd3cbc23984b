import type { GoalDto } from '@habit-tracker/api-client';

/** A goal snapshot as the API returns it, with overrides. */
export function aGoal(overrides: Partial<GoalDto> = {}): GoalDto {
  return {
    id: 'g1',
    name: 'Read 20 books',
    description: null,
    targetValue: 20,
    unit: 'books',
    baseValue: 0,
    currentValue: 0,
    isCompleted: false,
    completedAt: null,
    overdue: false,
    deadline: null,
    startDate: '2026-11-01',
    habits: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

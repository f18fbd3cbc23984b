// Shapes shared by the REST responses and the socket events. Type-only: the web app imports
// these; the server's response DTOs implement them.

export type LocalDate = string;
export type HabitFrequency = 'daily' | 'weekly' | 'custom';
export type HabitStatus = 'active' | 'paused' | 'archived' | 'at_risk';
export type LogStatus = 'done' | 'skipped' | 'missed';

export interface PausePeriodSnapshot {
  from: LocalDate;
  to: LocalDate | null;
}

export interface HabitLogSnapshot {
  id: string;
  habitId: string;
  logDate: LocalDate;
  status: LogStatus;
  notes: string | null;
}

export type HabitColor =
  'green' | 'teal' | 'blue' | 'indigo' | 'purple' | 'pink' | 'red' | 'orange' | 'amber' | 'slate';

/** One of a habit's last days (status as in the heatmap; `logId` to undo its log). */
export interface RecentDaySnapshot {
  date: LocalDate;
  status: 'done' | 'skipped' | 'missed' | 'pending' | 'not_due' | 'paused';
  logId: string | null;
}

export interface HabitSnapshot {
  id: string;
  name: string;
  description: string | null;
  frequency: HabitFrequency;
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
  startDate: LocalDate;
  difficulty: 'easy' | 'medium' | 'hard';
  priority: 'low' | 'medium' | 'high';
  status: HabitStatus;
  color: HabitColor;
  icon: string | null;
  position: number;
  pausePeriods: PausePeriodSnapshot[];
  currentStreak: number;
  longestStreak: number;
  streakUnit: 'day' | 'week';
  totalCompletions: number;
  totalSkips: number;
  consistencyScore: number | null;
  failureRate: number | null;
  strength: number;
  consecutiveMisses: number;
  lastCompletedDate: LocalDate | null;
  suggestedFrequency: string | null;
  statsAsOf: LocalDate | null;
  nextDueDate: LocalDate | null;
  dueToday: boolean;
  todayLog: { id: string; status: LogStatus; notes: string | null } | null;
  week: { done: number; quota: number } | null;
  recentDays: RecentDaySnapshot[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GoalHabitLinkSnapshot {
  habitId: string;
  contributionWeight: number;
}

export interface GoalSnapshot {
  id: string;
  name: string;
  description: string | null;
  targetValue: number;
  currentValue: number;
  baseValue: number;
  unit: string;
  startDate: LocalDate;
  deadline: LocalDate | null;
  isCompleted: boolean;
  completedAt: string | null;
  overdue: boolean;
  habits: GoalHabitLinkSnapshot[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

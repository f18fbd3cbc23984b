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
  /** A measurable habit's log: `done` when it holds a value, `skipped` otherwise. */
  status: LogStatus;
  notes: string | null;
  /** A measurable habit's value for the day (exact, at most 3 decimals); null otherwise. */
  value: number | null;
}

/** SPEC.md §6: a measurable habit's target. */
export interface MeasureTargetSnapshot {
  type: 'at_least' | 'at_most';
  value: number;
  period: 'day' | 'week' | 'month';
}

/** A measurable habit's current period: its total so far against its (prorated) target. */
export interface MeasurePeriodSnapshot {
  start: LocalDate;
  end: LocalDate;
  total: number;
  target: number | null;
  outcome: 'met' | 'failed' | 'pending' | 'neutral';
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
  kind: 'check' | 'measure';
  unit: string | null;
  target: MeasureTargetSnapshot | null;
  period: MeasurePeriodSnapshot | null;
  pausePeriods: PausePeriodSnapshot[];
  currentStreak: number;
  longestStreak: number;
  streakUnit: 'day' | 'week' | 'month';
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
  todayLog: { id: string; status: LogStatus; notes: string | null; value: number | null } | null;
  week: { done: number; quota: number } | null;
  recentDays: RecentDaySnapshot[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GoalHabitLinkSnapshot {
  habitId: string;
  contributionWeight: number;
  /** `completions` (done logs or met periods) or `value` (Σ a measurable habit's values). */
  count: 'completions' | 'value';
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

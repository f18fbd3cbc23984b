import type { ImportSummary } from './imports';
import type { GoalSnapshot, HabitLogSnapshot, HabitSnapshot, LocalDate } from './snapshots';

/** Every real-time event and its payload (SPEC.md §4 "Real time"). */
export interface ServerEventPayloads {
  habit_logged: { log: HabitLogSnapshot; habit: HabitSnapshot };
  streak_update: { habit: HabitSnapshot };
  habit_at_risk: { habit: HabitSnapshot; consecutiveMisses: number };
  goal_completed: { goal: GoalSnapshot };
  nudge: { habitId: string; name: string; localDate: LocalDate };
  /** One event per import (never one per imported log): what it added. */
  import_completed: ImportSummary;
}

export type ServerEventType = keyof ServerEventPayloads;

/** What a client receives: the payload plus the user's event sequence number. */
export type ServerEvent<T extends ServerEventType = ServerEventType> = {
  [K in T]: { type: K; seq: number; payload: ServerEventPayloads[K] };
}[T];

export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
  'habit_logged',
  'streak_update',
  'habit_at_risk',
  'goal_completed',
  'nudge',
  'import_completed',
];

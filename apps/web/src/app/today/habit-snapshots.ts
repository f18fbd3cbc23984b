import type { HabitDto } from '@habit-tracker/api-client';

export type TodayStatus = 'done' | 'skipped';

/** The id an optimistic log carries until the server answers with the real one. */
export const PENDING_LOG_ID = 'pending';

/** A snapshot replaces the held one only when its `version` is newer (SPEC.md §4). */
export function newerOf(held: HabitDto | undefined, incoming: HabitDto): HabitDto {
  return held && held.version >= incoming.version ? held : incoming;
}

/** A fresh list from the server: its membership and order, each habit at its newest version. */
export function mergeList(held: readonly HabitDto[], incoming: readonly HabitDto[]): HabitDto[] {
  const byId = new Map(held.map((habit) => [habit.id, habit]));
  return incoming.map((habit) => newerOf(byId.get(habit.id), habit));
}

/** One snapshot into the list, unless the list already holds that version or a newer one. */
export function mergeOne(held: readonly HabitDto[], incoming: HabitDto): HabitDto[] {
  const index = held.findIndex((habit) => habit.id === incoming.id);
  if (index === -1) return [...held, incoming];
  const merged = newerOf(held[index], incoming);
  return merged === held[index] ? [...held] : held.map((h, i) => (i === index ? merged : h));
}

function weekMet(week: { done: number; quota: number }): boolean {
  return week.done > 0 && week.done >= week.quota;
}

/**
 * What the habit will most likely look like once today's log is `status` (null = undone), so
 * the streak and the week's count move at once; the server's snapshot corrects it moments later.
 * The version stays, so that snapshot (always newer) replaces this guess.
 */
export function withTodayLog(habit: HabitDto, status: TodayStatus | null): HabitDto {
  const wasDone = habit.todayLog?.status === 'done';
  const doneDelta = (status === 'done' ? 1 : 0) - (wasDone ? 1 : 0);
  let { currentStreak, week } = habit;
  if (habit.streakUnit === 'week' && week) {
    const next = { ...week, done: Math.max(0, week.done + doneDelta) };
    currentStreak += Number(weekMet(next)) - Number(weekMet(week));
    week = next;
  } else {
    currentStreak += doneDelta;
  }
  currentStreak = Math.max(0, currentStreak);
  return {
    ...habit,
    todayLog: status
      ? {
          id: habit.todayLog?.id ?? PENDING_LOG_ID,
          status,
          notes: habit.todayLog?.notes ?? null,
          value: habit.todayLog?.value ?? null,
        }
      : null,
    currentStreak,
    longestStreak: Math.max(habit.longestStreak, currentStreak),
    totalCompletions: Math.max(0, habit.totalCompletions + doneDelta),
    week,
  };
}

/**
 * A measured habit's guess after adding (or setting) today's amount: today's value and the
 * period's total move at once; the outcome waits for the server's snapshot.
 */
export function withTodayAmount(habit: HabitDto, amount: number, how: 'add' | 'set'): HabitDto {
  const before = habit.todayLog?.value ?? 0;
  const after = Math.round((how === 'add' ? before + amount : amount) * 1000) / 1000;
  const period = habit.period
    ? { ...habit.period, total: Math.round((habit.period.total - before + after) * 1000) / 1000 }
    : null;
  return {
    ...habit,
    todayLog: {
      id: habit.todayLog?.id ?? PENDING_LOG_ID,
      status: 'done',
      notes: habit.todayLog?.notes ?? null,
      value: after,
    },
    period,
  };
}

/** Today's list: what is due, plus what was already logged today (so it can be undone). */
export function isOnToday(habit: HabitDto): boolean {
  if (habit.status === 'archived') return false;
  return habit.dueToday || habit.todayLog !== null;
}

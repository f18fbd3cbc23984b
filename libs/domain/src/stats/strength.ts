import { isPausedDay, isScheduledDay, PreparedHabit, versionAt } from '../habit/prepared-habit';

export interface StrengthInput {
  value: number;
  frequency: number;
}

/**
 * SPEC §3 "Strength", one day's input (null = the score stays as it is): daily every day and
 * custom on due days, value 1 for done and 0 for missed; weekly every day up to today with
 * f = timesPerWeek / 7 and value = min(1, done in the 7 days ending that day ÷ timesPerWeek).
 * Skipped and paused days, days before startDate and a pending day-based today give null.
 */
export function strengthInputOf(habit: PreparedHabit, day: number): StrengthInput | null {
  if (day < habit.start || day > habit.today || isPausedDay(habit, day)) return null;
  const version = versionAt(habit, day);
  const log = habit.logs.get(day);
  if (log === 'skipped') return null;
  if (version.frequency === 'weekly') {
    let done = 0;
    for (let d = Math.max(habit.start, day - 6); d <= day; d++) {
      if (habit.logs.get(d) === 'done' && !isPausedDay(habit, d)) done++;
    }
    return { value: Math.min(1, done / version.timesPerWeek), frequency: version.timesPerWeek / 7 };
  }
  if (!isScheduledDay(habit, day)) return null;
  if (log === 'done') return { value: 1, frequency: 1 };
  if (log === 'missed' || day < habit.today) return { value: 0, frequency: 1 };
  return null;
}

const multipliers = new Map<number, number>();

/** score × m + value × (1 − m), m = 0.5^(√f / 13) (Loop Habit Tracker's score). */
export function strengthStep(score: number, input: StrengthInput): number {
  let m = multipliers.get(input.frequency);
  if (m === undefined) {
    m = Math.pow(0.5, Math.sqrt(input.frequency) / 13);
    multipliers.set(input.frequency, m);
  }
  return score * m + input.value * (1 - m);
}

/** The strength score (0–1) after folding every day from startDate to today. */
export function foldStrength(
  habit: PreparedHabit,
  score: number,
  fromDay: number,
  toDay: number,
): number {
  for (let day = Math.max(fromDay, habit.start); day <= toDay; day++) {
    const input = strengthInputOf(habit, day);
    if (input) score = strengthStep(score, input);
  }
  return score;
}

/** Strength as a double 0–100 (responses round it). */
export function computeStrength(habit: PreparedHabit): number {
  return 100 * foldStrength(habit, 0, habit.start, habit.today);
}

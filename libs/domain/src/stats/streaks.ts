import { StreakUnit } from '../schedule/schedule';
import { SegmentOccurrences } from './occurrences';

export interface Streaks {
  currentStreak: number;
  longestStreak: number;
  streakUnit: StreakUnit;
}

/**
 * SPEC §3 "Streaks": a run counts done due days (met weeks); skipped days, neutral weeks and a
 * pending today or current week are transparent; a missed day or failed week breaks it. The
 * current streak is the run at the end of the segment in force today (switching between
 * day-based and weekly starts a new one); the longest is the best run over all history.
 */
export function computeStreaks(segments: SegmentOccurrences[], unitToday: StreakUnit): Streaks {
  let longest = 0;
  let run = 0;
  for (const { occurrences } of segments) {
    run = 0;
    for (const { outcome } of occurrences) {
      if (outcome === 'done' || outcome === 'met') {
        run++;
        longest = Math.max(longest, run);
      } else if (outcome === 'missed' || outcome === 'failed') {
        run = 0;
      }
    }
  }
  return { currentStreak: run, longestStreak: longest, streakUnit: unitToday };
}

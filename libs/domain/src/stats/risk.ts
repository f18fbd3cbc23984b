import { HabitStatus, UserStatus } from '../schedule/pauses';
import { SegmentOccurrences } from './occurrences';

/** Two consecutive misses put an active habit at risk. */
export const AT_RISK_MISSES = 2;

/**
 * SPEC §3 "Risk": missed due days (failed weeks) of the current segment after its latest done
 * day (met week), counting only occurrences before today (before the current week); skipped,
 * paused and neutral ones are transparent.
 */
export function computeConsecutiveMisses(
  current: SegmentOccurrences | undefined,
  today: number,
): number {
  let misses = 0;
  for (const { day, outcome } of current?.occurrences ?? []) {
    if (outcome === 'done' || outcome === 'met') misses = 0;
    else if ((outcome === 'missed' && day < today) || outcome === 'failed') misses++;
  }
  return misses;
}

/** `at_risk` ⇔ the user-set status is active and there are at least 2 consecutive misses. */
export function deriveStatus(userStatus: UserStatus, consecutiveMisses: number): HabitStatus {
  return userStatus === 'active' && consecutiveMisses >= AT_RISK_MISSES ? 'at_risk' : userStatus;
}

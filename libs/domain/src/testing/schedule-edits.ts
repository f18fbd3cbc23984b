import { LocalDate } from '../calendar/local-date';
import { Schedule, ScheduleVersion } from '../schedule/schedule';

/**
 * The property tests' model of a schedule edit (the product's rule is in HabitsService): made on the user's `today`: a new history entry effective today,
 * replacing one made earlier the same day. Returns the first day whose judgement can change
 * (for `invalidateCheckpoint`): today, or startDate when the edit becomes the earliest entry —
 * the earliest entry also judges the days before it (a backdated startDate).
 */
export function recordScheduleEdit(
  schedules: readonly ScheduleVersion[],
  schedule: Schedule,
  today: LocalDate,
  startDate: LocalDate,
): { schedules: ScheduleVersion[]; changedFrom: LocalDate } {
  const kept = schedules.filter((version) => version.effectiveFrom !== today);
  const becomesFirst = kept.every((version) => version.effectiveFrom > today);
  return {
    schedules: [...kept, { ...schedule, effectiveFrom: today }],
    changedFrom: becomesFirst && startDate < today ? startDate : today,
  };
}

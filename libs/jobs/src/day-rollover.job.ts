import { Clock } from '@app/common';
import { userDayOf } from '@app/domain';
import { HabitRolloverService, scanStart, UserScanRepository } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { JobHandler, JobReport } from './job-handler';

/** Users per transaction of the rollover (50 habits each: about 1,000 habits a batch). */
export const ROLLOVER_BATCH = 20;

/**
 * Brings every user whose day has started to it, group by group: users who share a time zone
 * and day-start hour share a today, computed here (never in SQL); within a group, a keyset scan
 * on the user id hands batches of users whose habits are not yet as of that day to the
 * rollover, one transaction and a fixed number of statements per batch. Users already as of
 * their day are never read, so a second run reads one empty page per group and writes nothing.
 */
export async function rolloverAll(
  scan: UserScanRepository,
  rollover: HabitRolloverService,
  now: Date,
): Promise<{ users: number; habitsChanged: number }> {
  // Users of a zone and day start share a today, whatever their nudge hour.
  const groups = new Map((await scan.groups()).map((g) => [`${g.timezone} ${g.dayStartHour}`, g]));
  let users = 0;
  let habitsChanged = 0;
  for (const group of groups.values()) {
    const today = userDayOf(now, group.timezone, group.dayStartHour);
    const batchScan = {
      activeOnly: true,
      group: { timezone: group.timezone, dayStartHour: group.dayStartHour },
      habits: { kind: 'statsNotOf' as const, day: today },
    };
    for (let after = scanStart; ;) {
      const batch = await scan.nextBatch(batchScan, after, ROLLOVER_BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      const report = await rollover.rollover(
        batch.map((u) => u.id),
        today,
      );
      users += report.users;
      habitsChanged += report.habitsChanged;
    }
  }
  return { users, habitsChanged };
}

/**
 * Hourly: recomputes, ahead of their first read, every user whose day has started since their
 * statistics were computed (recording `habit_at_risk` for new transitions).
 */
@Injectable()
export class DayRolloverJob implements JobHandler<'day_rollover'> {
  readonly name = 'day_rollover' as const;

  constructor(
    private readonly scan: UserScanRepository,
    private readonly clock: Clock,
    private readonly rollover: HabitRolloverService,
  ) {}

  async run(): Promise<JobReport> {
    const { users } = await rolloverAll(this.scan, this.rollover, this.clock.now());
    return { users };
  }
}

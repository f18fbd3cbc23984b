import { Clock } from '@app/common';
import { userDayOf } from '@app/domain';
import { HabitFreshnessService, scanStart, UserScanRepository } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { JobHandler, JobReport } from './job-handler';

export const ROLLOVER_BATCH = 100;

/**
 * Hourly: recomputes, ahead of their first read, every user whose day has started since their
 * statistics were computed (recording `habit_at_risk` for new transitions). Users are grouped
 * by (time zone, day-start hour) and each group's today is computed here, never in SQL.
 */
@Injectable()
export class DayRolloverJob implements JobHandler<'day_rollover'> {
  readonly name = 'day_rollover' as const;

  constructor(
    private readonly scan: UserScanRepository,
    private readonly clock: Clock,
    private readonly freshness: HabitFreshnessService,
  ) {}

  async run(): Promise<JobReport> {
    const now = this.clock.now();
    // Users of a zone and day start share a today, whatever their nudge hour.
    const groups = new Map(
      (await this.scan.groups()).map((g) => [`${g.timezone} ${g.dayStartHour}`, g]),
    );
    let users = 0;
    for (const group of groups.values()) {
      const today = userDayOf(now, group.timezone, group.dayStartHour);
      const scan = {
        activeOnly: true,
        group: { timezone: group.timezone, dayStartHour: group.dayStartHour },
        habits: { kind: 'statsBefore' as const, day: today },
      };
      for (let after = scanStart; ;) {
        const batch = await this.scan.nextBatch(scan, after, ROLLOVER_BATCH);
        if (batch.length === 0) break;
        after = batch[batch.length - 1].id;
        for (const user of batch) await this.freshness.recomputeUser(user);
        users += batch.length;
      }
    }
    return { users };
  }
}

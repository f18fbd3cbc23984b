import { Clock } from '@app/common';
import { UserEntity } from '@app/database';
import { userDayOf } from '@app/domain';
import { HabitFreshnessService } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly freshness: HabitFreshnessService,
  ) {}

  async run(): Promise<JobReport> {
    const now = this.clock.now();
    const groups: { timezone: string; day_start_hour: number }[] = await this.dataSource.query(
      'SELECT DISTINCT timezone, day_start_hour FROM users WHERE is_active',
    );
    let users = 0;
    for (const group of groups) {
      const today = userDayOf(now, group.timezone, group.day_start_hour);
      for (;;) {
        // Recomputed users move to `today` (or later), so each pass shrinks the set.
        const ids: { user_id: string }[] = await this.dataSource.query(
          `SELECT DISTINCT h.user_id FROM habits h JOIN users u ON u.id = h.user_id
           WHERE u.is_active AND u.timezone = $1 AND u.day_start_hour = $2
             AND (h.stats_as_of IS NULL OR h.stats_as_of < $3)
           LIMIT $4`,
          [group.timezone, group.day_start_hour, today, ROLLOVER_BATCH],
        );
        if (ids.length === 0) break;
        const batch = await this.dataSource
          .getRepository(UserEntity)
          .find({ where: { id: In(ids.map((r) => r.user_id)) } });
        for (const user of batch) await this.freshness.recomputeUser(user);
        users += batch.length;
      }
    }
    return { users };
  }
}

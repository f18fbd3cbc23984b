import { UserEntity } from '@app/database';
import { HabitFreshnessService } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { JobHandler, JobReport } from './job-handler';

export const RISK_BATCH = 100;

/**
 * Hourly: re-evaluates every user with active or at-risk habits, in bounded batches (keyset on
 * the user id), writing only habits whose figures or status would change — so `habit_at_risk`
 * fires once per transition and a second run changes nothing.
 */
@Injectable()
export class RiskDetectionJob implements JobHandler<'risk_detection'> {
  readonly name = 'risk_detection' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly freshness: HabitFreshnessService,
  ) {}

  async run(): Promise<JobReport> {
    let after = '00000000-0000-0000-0000-000000000000';
    let users = 0;
    let habits = 0;
    for (;;) {
      const ids: { user_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT h.user_id FROM habits h JOIN users u ON u.id = h.user_id
         WHERE u.is_active AND h.status IN ('active', 'at_risk') AND h.user_id > $1
         ORDER BY h.user_id LIMIT $2`,
        [after, RISK_BATCH],
      );
      if (ids.length === 0) break;
      after = ids[ids.length - 1].user_id;
      const batch = await this.dataSource
        .getRepository(UserEntity)
        .find({ where: { id: In(ids.map((r) => r.user_id)) } });
      for (const user of batch) {
        const changed = await this.freshness.reevaluateUser(user);
        users++;
        habits += changed;
      }
    }
    return { users, habitsChanged: habits };
  }
}

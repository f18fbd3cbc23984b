import { HabitFreshnessService, scanStart, UserScanRepository } from '@app/habits';
import { Injectable } from '@nestjs/common';
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
    private readonly scan: UserScanRepository,
    private readonly freshness: HabitFreshnessService,
  ) {}

  async run(): Promise<JobReport> {
    let users = 0;
    let habits = 0;
    const scan = { activeOnly: true, habits: { kind: 'live' as const } };
    for (let after = scanStart; ;) {
      const batch = await this.scan.nextBatch(scan, after, RISK_BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      for (const user of batch) {
        habits += await this.freshness.reevaluateUser(user);
        users++;
      }
    }
    return { users, habitsChanged: habits };
  }
}

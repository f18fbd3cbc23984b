import { Clock } from '@app/common';
import { HabitRolloverService } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { JobHandler, JobReport } from './job-handler';

/**
 * Hourly: the risk rules for every user. A habit's risk depends only on its logs and the
 * user's today, and every write recomputes it, so only habits whose statistics are not as of
 * their user's today can change status: this is the rollover's batched scan (users whose day
 * started, keyset batches, set-based writes), writing only what changed — so `habit_at_risk`
 * fires once per transition and a second run changes nothing.
 */
@Injectable()
export class RiskDetectionJob implements JobHandler<'risk_detection'> {
  readonly name = 'risk_detection' as const;

  constructor(
    private readonly clock: Clock,
    private readonly rollover: HabitRolloverService,
  ) {}

  async run(): Promise<JobReport> {
    const { users, habitsChanged } = await this.rollover.all(this.clock.now());
    return { users, habitsChanged };
  }
}

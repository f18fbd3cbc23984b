import { Clock } from '@app/common';
import { HabitRolloverService } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { JobHandler, JobReport } from './job-handler';

/**
 * Hourly: brings every user whose day has started to it, ahead of their first read (recording
 * `habit_at_risk` for new transitions), in batches of users with set-based statements (see
 * `HabitRolloverService.all`).
 */
@Injectable()
export class DayRolloverJob implements JobHandler<'day_rollover'> {
  readonly name = 'day_rollover' as const;

  constructor(
    private readonly clock: Clock,
    private readonly rollover: HabitRolloverService,
  ) {}

  async run(): Promise<JobReport> {
    const { users } = await this.rollover.all(this.clock.now());
    return { users };
  }
}

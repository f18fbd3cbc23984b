import { GoalProgressModule } from '@app/goal-progress';
import { Module } from '@nestjs/common';
import { HabitFreshnessService } from './habit-freshness.service';
import { HabitRolloverService } from './habit-rollover.service';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';
import { HabitsService } from './habits.service';
import { StatsVerifier } from './stats-verifier.service';
import { UserScanRepository } from './user-scan.repository';

@Module({
  imports: [GoalProgressModule],
  providers: [
    HabitsRepository,
    HabitStatsService,
    HabitFreshnessService,
    HabitRolloverService,
    HabitsService,
    StatsVerifier,
    UserScanRepository,
  ],
  exports: [
    HabitsRepository,
    HabitStatsService,
    HabitFreshnessService,
    HabitRolloverService,
    HabitsService,
    UserScanRepository,
    GoalProgressModule,
  ],
})
export class HabitsModule {}

import { GoalProgressModule } from '@app/goals/progress';
import { Module } from '@nestjs/common';
import { HabitFreshnessService } from './habit-freshness.service';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';
import { HabitsService } from './habits.service';
import { StatsVerifier } from './stats-verifier.service';

@Module({
  imports: [GoalProgressModule],
  providers: [
    HabitsRepository,
    HabitStatsService,
    HabitFreshnessService,
    HabitsService,
    StatsVerifier,
  ],
  exports: [
    HabitsRepository,
    HabitStatsService,
    HabitFreshnessService,
    HabitsService,
    GoalProgressModule,
  ],
})
export class HabitsModule {}

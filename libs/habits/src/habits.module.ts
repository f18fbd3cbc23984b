import { GoalProgressModule } from '@app/goals/progress';
import { Module } from '@nestjs/common';
import { HabitFreshnessService } from './habit-freshness.service';
import { HabitStatsService } from './habit-stats.service';
import { HabitsRepository } from './habits.repository';
import { HabitsService } from './habits.service';

@Module({
  imports: [GoalProgressModule],
  providers: [HabitsRepository, HabitStatsService, HabitFreshnessService, HabitsService],
  exports: [
    HabitsRepository,
    HabitStatsService,
    HabitFreshnessService,
    HabitsService,
    GoalProgressModule,
  ],
})
export class HabitsModule {}

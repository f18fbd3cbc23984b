import { GoalProgressModule } from '@app/goal-progress';
import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { GoalsRepository } from './goals.repository';
import { GoalsService } from './goals.service';

@Module({
  imports: [HabitsModule, GoalProgressModule],
  providers: [GoalsRepository, GoalsService],
  exports: [GoalsService],
})
export class GoalsModule {}

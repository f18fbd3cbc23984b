import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { GoalProgressModule } from './goal-progress.module';
import { GoalsService } from './goals.service';

@Module({
  imports: [HabitsModule, GoalProgressModule],
  providers: [GoalsService],
  exports: [GoalsService],
})
export class GoalsModule {}

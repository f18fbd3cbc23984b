import { Module } from '@nestjs/common';
import { GoalProgressRepository } from './goal-progress.repository';
import { GoalProgressService } from './goal-progress.service';

/** Goal progress on its own: habits, habit logs and goals all depend on it, and it on none of them. */
@Module({
  providers: [GoalProgressRepository, GoalProgressService],
  exports: [GoalProgressService],
})
export class GoalProgressModule {}

import { Module } from '@nestjs/common';
import { GoalProgressService } from './goal-progress.service';

/** Goal progress on its own, so the habit write paths can use it without importing goals CRUD. */
@Module({ providers: [GoalProgressService], exports: [GoalProgressService] })
export class GoalProgressModule {}

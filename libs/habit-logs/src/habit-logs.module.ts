import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { HabitLogsRepository } from './habit-logs.repository';
import { HabitLogsService } from './habit-logs.service';

@Module({
  imports: [HabitsModule],
  providers: [HabitLogsRepository, HabitLogsService],
  exports: [HabitLogsService],
})
export class HabitLogsModule {}

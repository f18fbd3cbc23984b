import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { HabitLogsService } from './habit-logs.service';

@Module({ imports: [HabitsModule], providers: [HabitLogsService], exports: [HabitLogsService] })
export class HabitLogsModule {}

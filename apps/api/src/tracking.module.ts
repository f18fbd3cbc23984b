import { UnitOfWorkModule } from '@app/unit-of-work';
import { GoalsModule } from '@app/goals';
import { HabitLogsModule } from '@app/habit-logs';
import { HabitsModule } from '@app/habits';
import { ImportExportModule } from '@app/import-export';
import { Module } from '@nestjs/common';
import { GoalsController } from './goals/goals.controller';
import { HabitLogsController } from './habit-logs/habit-logs.controller';
import { HabitsController } from './habits/habits.controller';
import { ImportExportController } from './import-export/import-export.controller';

/** The HTTP edge of habits, logs and goals over their feature modules. */
@Module({
  imports: [UnitOfWorkModule, HabitsModule, HabitLogsModule, GoalsModule, ImportExportModule],
  controllers: [HabitsController, HabitLogsController, GoalsController, ImportExportController],
})
export class TrackingModule {}

import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { HabitLogsRepository } from './habit-logs.repository';
import { HabitLogsService } from './habit-logs.service';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

@Module({
  imports: [HabitsModule],
  providers: [HabitLogsRepository, IdempotencyKeysRepository, HabitLogsService],
  exports: [HabitLogsService],
})
export class HabitLogsModule {}

import { GoalHabitEntity } from './goal-habit.entity';
import { GoalEntity } from './goal.entity';
import { HabitLogEntity } from './habit-log.entity';
import { HabitPauseEntity } from './habit-pause.entity';
import { HabitScheduleEntity } from './habit-schedule.entity';
import { HabitEntity } from './habit.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

export * from './goal-habit.entity';
export * from './goal.entity';
export * from './habit-log.entity';
export * from './habit-pause.entity';
export * from './habit-schedule.entity';
export * from './habit.entity';
export * from './outbox-event.entity';
export * from './refresh-token.entity';
export * from './user.entity';
export * from './worker-heartbeat.entity';

export const entities = [
  UserEntity,
  HabitEntity,
  HabitScheduleEntity,
  HabitPauseEntity,
  HabitLogEntity,
  GoalEntity,
  GoalHabitEntity,
  RefreshTokenEntity,
  OutboxEventEntity,
  WorkerHeartbeatEntity,
];

export * from './goal-progress.module';
export * from './goal-progress.service';
export * from './goal.dto';
export * from './goals.module';
export * from './goals.service';

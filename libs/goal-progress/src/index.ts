export * from './goal-progress.module';
export * from './goal-progress.repository';
export * from './goal-progress.service';
export * from './goal.dto';

export * from './habit-log.dto';
export * from './habit-logs.module';
export * from './habit-logs.service';

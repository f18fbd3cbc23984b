export * from './habit-freshness.service';
export * from './habit-history.mapper';
export * from './habit-stats.service';
export * from './habit.dto';
export * from './habits.module';
export * from './habits.repository';
export * from './habits.service';
export * from './stats-verifier.service';

export * from './analytics.dto';
export * from './analytics.module';
export * from './analytics.service';

export * from './event-buffer';
export * from './events.module';
export * from './unit-of-work';

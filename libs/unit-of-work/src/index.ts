export * from './deferred-writes';
export * from './event-buffer';
export * from './unit-of-work';
export * from './unit-of-work.module';

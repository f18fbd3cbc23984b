export * from './cache-store';
export * from './cache.module';
export * from './redis-cache-store';

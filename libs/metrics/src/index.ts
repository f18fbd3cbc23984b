export * from './db-pool.metrics';
export * from './http-metrics';
export * from './metrics';
export * from './metrics-access';
export * from './metrics-server';
export * from './metrics.module';

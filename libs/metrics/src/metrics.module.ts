import { Global, Module } from '@nestjs/common';
import { DbPoolMetrics } from './db-pool.metrics';
import { Metrics } from './metrics';

/** One Metrics registry per application, with the pool's gauges; every module may add its own. */
@Global()
@Module({
  providers: [Metrics, DbPoolMetrics],
  exports: [Metrics],
})
export class MetricsModule {}

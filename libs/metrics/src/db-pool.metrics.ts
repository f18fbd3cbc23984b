import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics';

/** The pg pool behind TypeORM: connections open, idle, and requests waiting for one. */
@Injectable()
export class DbPoolMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: Metrics) {
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master;
    metrics.gauge('db_pool_connections', 'Database pool connections by state.', ['state'], (g) => {
      const p = pool();
      if (!p) return;
      g.set({ state: 'total' }, p.totalCount);
      g.set({ state: 'idle' }, p.idleCount);
      g.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      g.set({ state: 'waiting' }, p.waitingCount);
    });
    metrics.gauge('db_pool_max', 'Database pool size limit.', [], (g) => {
      const max = (pool() as { options?: { max?: number } } | undefined)?.options?.max;
      if (max !== undefined) g.set(max);
    });
  }
}

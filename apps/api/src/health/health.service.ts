import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, REDIS_CLIENT } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HeartbeatRepository } from '@app/jobs';
import type Redis from 'ioredis';
import { ReadinessDto } from './health.dto';

const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS).unref(),
    ),
  ]);
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly heartbeats: HeartbeatRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly clock: Clock,
  ) {}

  async readiness(): Promise<ReadinessDto> {
    let database: ReadinessDto['database'] = 'unavailable';
    let workerHeartbeatAgeSeconds: number | null = null;
    try {
      const beat = await withTimeout(this.heartbeats.newest());
      database = 'ok';
      workerHeartbeatAgeSeconds = beat
        ? Math.max(0, Math.round((this.clock.now().getTime() - beat.getTime()) / 1000))
        : null;
    } catch (error) {
      this.logger.warn(`database probe failed: ${(error as Error).message}`);
    }
    let redis: ReadinessDto['redis'] = 'not_configured';
    if (this.redis) {
      try {
        // A client that is reconnecting answers nothing: do not queue a probe behind it.
        if (this.redis.status !== 'ready') throw new Error(`connection ${this.redis.status}`);
        await withTimeout(this.redis.ping());
        redis = 'ok';
      } catch (error) {
        redis = 'unavailable';
        this.logger.warn(`redis probe failed: ${(error as Error).message}`);
      }
    }
    const ok = database === 'ok' && redis !== 'unavailable';
    return {
      status: ok ? 'ok' : 'unavailable',
      mode: this.config.mode,
      database,
      redis,
      workerHeartbeatAgeSeconds,
    };
  }
}

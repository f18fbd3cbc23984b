import { logRedisErrors, redisOptions } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { UnitOfWork } from '@app/unit-of-work';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import Redis from 'ioredis';
import { CacheStore, InMemoryCacheStore } from './cache-store';
import { RedisCacheStore } from './redis-cache-store';

/** The cache's Redis database: REDIS_URL's database + 1 (queues keep theirs, never evicted). */
export function cacheRedisUrl(redisUrl: string): string {
  const url = new URL(redisUrl);
  url.pathname = `/${Number(url.pathname.slice(1) || 0) + 1}`;
  return url.toString();
}

/** Every committed write makes the writer's cached read models stale. */
@Injectable()
class InvalidateOnCommit implements OnModuleInit {
  private readonly logger = new Logger('Cache');
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cache: CacheStore,
  ) {}

  onModuleInit(): void {
    this.uow.onCommitted((userId) =>
      this.cache
        .invalidateUser(userId)
        .catch((error: Error) => this.logger.warn(`invalidation failed: ${error.message}`)),
    );
  }
}

@Injectable()
class CacheRedisShutdown implements OnApplicationShutdown {
  constructor(@Inject('CACHE_REDIS') private readonly redis: Redis | null) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end')
      await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: 'CACHE_REDIS',
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? logRedisErrors(
              // A cache must never make a request wait: commands fail at once while Redis is
              // unreachable (no offline queue) or after a second, and the cache misses.
              new Redis(cacheRedisUrl(config.redisUrl), {
                ...redisOptions('habit-tracker-cache'),
                enableOfflineQueue: false,
                maxRetriesPerRequest: 0,
                commandTimeout: 1_000,
              }),
              new Logger('Redis'),
            )
          : null,
    },
    {
      provide: CacheStore,
      inject: ['CACHE_REDIS'],
      useFactory: (redis: Redis | null) =>
        redis ? new RedisCacheStore(redis) : new InMemoryCacheStore(),
    },
    InvalidateOnCommit,
    CacheRedisShutdown,
  ],
  exports: [CacheStore],
})
export class CacheModule {}

import Redis from 'ioredis';
import { CacheStore } from './cache-store';

const GENERATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Several processes: Redis, in its own logical database (the queues' database must never evict;
 * this one may). The user's generation is a counter; values live under it with a TTL.
 */
export class RedisCacheStore extends CacheStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  async get<T>(userId: string, key: string): Promise<T | null> {
    const generation = (await this.redis.get(`gen:${userId}`)) ?? '0';
    const raw = await this.redis.get(`val:${userId}:${generation}:${key}`);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async set<T>(userId: string, key: string, value: T, ttlSeconds: number): Promise<void> {
    const generation = (await this.redis.get(`gen:${userId}`)) ?? '0';
    await this.redis.set(
      `val:${userId}:${generation}:${key}`,
      JSON.stringify(value),
      'EX',
      ttlSeconds,
    );
  }

  async invalidateUser(userId: string): Promise<void> {
    await this.redis
      .multi()
      .incr(`gen:${userId}`)
      .expire(`gen:${userId}`, GENERATION_TTL_SECONDS)
      .exec();
  }
}

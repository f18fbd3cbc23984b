import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { CacheStore } from './cache-store';

const GENERATION_TTL_SECONDS = 7 * 24 * 3600;
const EPOCH_KEY = 'epoch';

/**
 * Several processes: Redis, in its own logical database (the queues' database must never evict;
 * this one may). The user's generation is a counter; values live under it with a TTL.
 *
 * Redis is optional here: when it cannot be reached a read is a miss and a write of the cache is
 * skipped, so the API answers from the database. A user's invalidation that fails would leave
 * values that are stale once Redis is back; so every key also carries a global epoch, and after
 * a failed invalidation the epoch is bumped (when the connection is ready again, before this
 * process reads or writes the cache again), which makes everything cached before it unreachable.
 */
export class RedisCacheStore extends CacheStore {
  private readonly logger = new Logger('Cache');
  private mustBumpEpoch = false;
  private warnedAt = 0;

  constructor(private readonly redis: Redis) {
    super();
    redis.on('ready', () => void this.bumpEpochIfNeeded());
  }

  async get<T>(userId: string, key: string): Promise<T | null> {
    try {
      const prefix = await this.prefix(userId);
      if (prefix === null) return null;
      const raw = await this.redis.get(`val:${prefix}:${key}`);
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch (error) {
      this.warn('read', error as Error);
      return null;
    }
  }

  async set<T>(userId: string, key: string, value: T, ttlSeconds: number): Promise<void> {
    try {
      const prefix = await this.prefix(userId);
      if (prefix === null) return;
      await this.redis.set(`val:${prefix}:${key}`, JSON.stringify(value), 'EX', ttlSeconds);
    } catch (error) {
      this.warn('write', error as Error);
    }
  }

  async invalidateUser(userId: string): Promise<void> {
    try {
      await this.redis
        .multi()
        .incr(`gen:${userId}`)
        .expire(`gen:${userId}`, GENERATION_TTL_SECONDS)
        .exec();
    } catch (error) {
      this.mustBumpEpoch = true;
      this.warn('invalidation', error as Error);
    }
  }

  /** `epoch:user:generation`, or null while the cache cannot be trusted or reached. */
  private async prefix(userId: string): Promise<string | null> {
    if (this.redis.status !== 'ready') return null;
    if (!(await this.bumpEpochIfNeeded())) return null;
    const [epoch, generation] = await this.redis.mget(EPOCH_KEY, `gen:${userId}`);
    return `${epoch ?? '0'}:${userId}:${generation ?? '0'}`;
  }

  /** True when the cache can be used (no failed invalidation is pending). */
  private async bumpEpochIfNeeded(): Promise<boolean> {
    if (!this.mustBumpEpoch) return true;
    try {
      await this.redis.incr(EPOCH_KEY);
      this.mustBumpEpoch = false;
      this.logger.log('cache epoch bumped after a failed invalidation: older entries are dropped');
      return true;
    } catch (error) {
      this.warn('epoch bump', error as Error);
      return false;
    }
  }

  private warn(what: string, error: Error): void {
    if (Date.now() - this.warnedAt < 10_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(`cache ${what} failed (Redis unavailable?): ${error.message}`);
  }
}

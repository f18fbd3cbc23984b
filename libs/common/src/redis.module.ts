import { APP_CONFIG, AppConfig } from '@app/config';
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

/** The shared ioredis client (commands, cache), or null when REDIS_URL is not set. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** Reconnect attempts never wait more than this, so service resumes well within 2 s of Redis. */
const MAX_RECONNECT_DELAY_MS = 500;

/**
 * Options every Redis connection of the product shares: reconnect forever, quickly; never
 * let an error go unhandled (each client logs its connection errors, at most every 10 s).
 */
export function redisOptions(connectionName: string): RedisOptions {
  return {
    connectionName,
    retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
  };
}

/** Logs a client's connection errors (without a listener ioredis prints each one). */
export function logRedisErrors(client: Redis, logger: Logger): Redis {
  let lastAt = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - lastAt < 10_000) return;
    lastAt = Date.now();
    logger.warn(`Redis (${client.options.connectionName ?? 'client'}): ${error.message}`);
  });
  return client;
}

/**
 * A new client for `url`. Commands wait for a reconnect at most twice, then fail: callers treat
 * Redis as optional (the cache misses, events wait in the outbox, rate limits count locally).
 */
export function createRedisClient(url: string, connectionName: string): Redis {
  return logRedisErrors(
    new Redis(url, { ...redisOptions(connectionName), maxRetriesPerRequest: 2 }),
    new Logger('Redis'),
  );
}

/**
 * A duplicate of `client` (its URL and options) for a subscriber or another role, with its own
 * name and error logging.
 */
export function duplicateRedisClient(client: Redis, connectionName: string): Redis {
  return logRedisErrors(client.duplicate({ connectionName }), new Logger('Redis'));
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end')
      await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redisUrl ? createRedisClient(config.redisUrl, 'habit-tracker') : null,
    },
    RedisShutdown,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}

/**
 * The Socket.IO Redis adapter and emitter call `publish` without handling its promise, so a
 * publish while Redis is down would be an unhandled rejection (and end the process). This makes
 * every publish of `client` handled (logged); callers that await it still see the failure.
 */
export function handlePublishFailures(client: Redis, logger: Logger): Redis {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  let lastAt = 0;
  (client as unknown as { publish: (...args: unknown[]) => Promise<number> }).publish = (
    ...args: unknown[]
  ) => {
    const result = publish(...args);
    result.catch((error: Error) => {
      if (Date.now() - lastAt < 10_000) return;
      lastAt = Date.now();
      logger.warn(`publish failed (Redis unavailable?): ${error.message}`);
    });
    return result;
  };
  return client;
}

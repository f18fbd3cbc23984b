import { duplicateRedisClient, REDIS_CLIENT } from '@app/common';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { BusChannel, BusMessages, EventBus } from './event-bus';

const PREFIX = 'habit-tracker:bus:';

/**
 * The bus across processes (scaled mode): Redis pub/sub. Publishing uses the shared client;
 * subscribing needs a connection of its own, duplicated from it on first use.
 */
@Injectable()
export class RedisEventBus extends EventBus implements OnApplicationShutdown {
  private readonly logger = new Logger('EventBus');
  private subscriber: Redis | null = null;
  private readonly handlers = new Map<string, ((message: unknown) => void)[]>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    super();
  }

  async publish<C extends BusChannel>(channel: C, message: BusMessages[C]): Promise<void> {
    await this.redis.publish(PREFIX + channel, JSON.stringify(message));
  }

  subscribe<C extends BusChannel>(channel: C, handler: (message: BusMessages[C]) => void): void {
    const subscriber = this.connectSubscriber();
    const list = this.handlers.get(channel) ?? [];
    list.push(handler as (message: unknown) => void);
    if (!this.handlers.has(channel)) {
      this.handlers.set(channel, list);
      subscriber.subscribe(PREFIX + channel).catch((error: Error) => {
        this.logger.error(`could not subscribe to ${channel}: ${error.message}`);
      });
    }
  }

  private connectSubscriber(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = duplicateRedisClient(this.redis, 'habit-tracker-bus');
    subscriber.on('message', (fullChannel: string, raw: string) => {
      const channel = fullChannel.slice(PREFIX.length);
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        this.logger.warn(`ignored a malformed message on ${channel}`);
        return;
      }
      for (const handler of this.handlers.get(channel) ?? []) {
        try {
          handler(message);
        } catch (error) {
          this.logger.error(`handler of ${channel} failed`, (error as Error).stack);
        }
      }
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber && this.subscriber.status !== 'end')
      await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

import { handlePublishFailures, REDIS_CLIENT } from '@app/common';
import type { ServerEvent } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { emitToUser, EventPublisher, userRoom } from './event-publisher';

/**
 * Emits from a process without a Socket.IO server (the worker) through Redis, in the format the
 * API processes' Redis adapter reads, so the user's sockets on every API process receive it.
 */
@Injectable()
export class RedisEmitterPublisher extends EventPublisher {
  private readonly emitter: Emitter;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    super();
    this.emitter = new Emitter(handlePublishFailures(redis, new Logger('RedisEmitter')));
  }

  async publish(userId: string, events: readonly ServerEvent[]): Promise<void> {
    // While Redis is down the events wait in the outbox (the relay's sweep retries).
    if (this.redis.status !== 'ready')
      throw new Error('Redis is unavailable: the events wait in the outbox');
    emitToUser(this.emitter, userId, events);
    // Commands on one connection run in order: the PING answers after the PUBLISHes.
    await this.redis.ping();
  }

  notify(userId: string, name: string, body: unknown): void {
    if (this.redis.status === 'ready') this.emitter.to(userRoom(userId)).emit(name, body);
  }
}

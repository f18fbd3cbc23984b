import { REDIS_CLIENT } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { EventBus } from './event-bus';
import { EventPublisher } from './event-publisher';
import { EventsService } from './events.service';
import { InProcessEventBus } from './in-process-event-bus';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { RedisEmitterPublisher } from './redis-emitter-publisher';
import { RedisEventBus } from './redis-event-bus';
import { SocketServerPublisher } from './socket-server-publisher';

export interface RealtimeModuleOptions {
  /**
   * How this process emits to sockets: through its own Socket.IO server (API processes; the
   * gateway attaches it), or through Redis with `@socket.io/redis-emitter` (processes without a
   * server, scaled mode only).
   */
  publisher: 'socket-server' | 'redis-emitter';
}

/**
 * Real time without the edge: the event bus and socket fan-out ports with the adapters of the
 * run mode, the outbox relay, and the catch-up read. The API adds the gateway and the controller.
 */
@Module({})
export class RealtimeModule {
  static forRoot(options: RealtimeModuleOptions): DynamicModule {
    const bus: Provider = {
      provide: EventBus,
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis | null) =>
        config.mode === 'scaled' && redis ? new RedisEventBus(redis) : new InProcessEventBus(),
    };
    const publishers: Provider[] =
      options.publisher === 'socket-server'
        ? [SocketServerPublisher, { provide: EventPublisher, useExisting: SocketServerPublisher }]
        : [
            {
              provide: EventPublisher,
              inject: [REDIS_CLIENT],
              useFactory: (redis: Redis | null) => {
                if (!redis) throw new Error('the Redis emitter needs REDIS_URL');
                return new RedisEmitterPublisher(redis);
              },
            },
          ];
    return {
      module: RealtimeModule,
      providers: [bus, ...publishers, OutboxRepository, OutboxRelay, OutboxMetrics, EventsService],
      exports: [
        EventBus,
        EventPublisher,
        OutboxRelay,
        OutboxMetrics,
        EventsService,
        ...(options.publisher === 'socket-server' ? [SocketServerPublisher] : []),
      ],
    };
  }
}

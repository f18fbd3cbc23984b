import { Clock, duplicateRedisClient, handlePublishFailures, REDIS_CLIENT } from '@app/common';
import { SOCKET_PATH, type ServerToClientEvents, type SocketAuthErrorData } from '@app/contracts';
import { Metrics } from '@app/metrics';
import { SocketServerPublisher, userRoom } from '@app/realtime';
import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, Socket } from 'socket.io';
import { SocketAuthenticator, SocketAuthError, redactUrl } from './socket-authenticator';

interface SocketData {
  userId: string;
  expiresAt: Date;
  expiryTimer?: NodeJS.Timeout;
}

type ClientSocket = Socket<Record<string, never>, ServerToClientEvents, never, SocketData>;

/** setTimeout's longest delay (~24.8 days); tokens last 15 minutes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Socket.IO at `/ws` on the API's HTTP server, websocket transport only (no sticky sessions
 * needed behind a load balancer). A handshake needs a valid access token in `auth.token`; the
 * socket joins its user's room and is disconnected (after a `token_expired` message) when the
 * token expires. The gateway only fans out: events come from the outbox relay through the
 * SocketServerPublisher. In scaled mode the Redis adapter carries each emit to the other API
 * processes' sockets.
 */
@WebSocketGateway({
  path: SOCKET_PATH,
  transports: ['websocket'],
  serveClient: false,
  // Clients send nothing but the handshake.
  maxHttpBufferSize: 16 * 1024,
})
export class EventsGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  private readonly logger = new Logger('Realtime');
  private redisClients: Redis[] = [];

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly authenticator: SocketAuthenticator,
    private readonly publisher: SocketServerPublisher,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  afterInit(server: Server): void {
    let flush: (() => Promise<unknown>) | undefined;
    let ready: (() => boolean) | undefined;
    if (this.redis) {
      const pub = handlePublishFailures(
        duplicateRedisClient(this.redis, 'habit-tracker-io-pub'),
        this.logger,
      );
      const sub = duplicateRedisClient(this.redis, 'habit-tracker-io-sub');
      this.redisClients = [pub, sub];
      server.adapter(createAdapter(pub, sub));
      flush = () => pub.ping();
      // While Redis is down nothing is emitted: the events wait in the outbox, and the relay's
      // sweep delivers them to every instance's sockets once Redis is back.
      ready = () => pub.status === 'ready';
    }
    server.use((socket, next) => {
      this.authenticator.authenticate(socket.handshake.auth, socket.handshake.query).then(
        ({ user, expiresAt }) => {
          Object.assign(socket.data as SocketData, { userId: user.id, expiresAt });
          next();
        },
        (error: unknown) => {
          const url = redactUrl(socket.handshake.url);
          if (error instanceof SocketAuthError) {
            this.logger.debug(`refused a socket (${error.code}) at ${url}`);
            const data: SocketAuthErrorData = { code: error.code };
            return next(Object.assign(new Error(error.message), { data }));
          }
          this.logger.error(`handshake failed at ${url}`, (error as Error).stack);
          next(new Error('The connection could not be authenticated; try again.'));
        },
      );
    });
    this.publisher.attach(server, flush, ready);
  }

  handleConnection(socket: ClientSocket): void {
    const { userId, expiresAt } = socket.data;
    this.metrics.socketConnections.inc();
    void socket.join(userRoom(userId));
    const delay = Math.min(MAX_TIMER_MS, expiresAt.getTime() - this.clock.now().getTime());
    socket.data.expiryTimer = setTimeout(
      () => {
        socket.emit('token_expired', {
          code: 'TOKEN_EXPIRED',
          message: 'The access token has expired: refresh it and reconnect.',
        });
        socket.disconnect(true);
      },
      Math.max(0, delay),
    );
    socket.data.expiryTimer.unref();
    this.logger.debug(`socket ${socket.id} of user ${userId} connected`);
  }

  handleDisconnect(socket: ClientSocket): void {
    this.metrics.socketConnections.dec();
    clearTimeout(socket.data.expiryTimer);
  }

  /** After Nest has closed the Socket.IO server (and its adapter): close the adapter's Redis. */
  async onApplicationShutdown(): Promise<void> {
    this.publisher.detach();
    await Promise.all(
      this.redisClients.map((client) => client.quit().catch(() => client.disconnect())),
    );
  }
}

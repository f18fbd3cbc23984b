import type { ServerEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { emitToUser, EventPublisher, RoomEmitter, userRoom } from './event-publisher';

/**
 * Emits through this process's Socket.IO server, which the gateway attaches when it starts. In
 * scaled mode the server has the Redis adapter, and `flush` resolves once Redis has taken what
 * was emitted (a PING on the adapter's publishing connection, answered after the PUBLISHes).
 */
@Injectable()
export class SocketServerPublisher extends EventPublisher {
  private server: RoomEmitter | null = null;
  private flush: () => Promise<unknown> = async () => undefined;
  private ready: () => boolean = () => true;

  attach(server: RoomEmitter, flush?: () => Promise<unknown>, ready?: () => boolean): void {
    this.server = server;
    if (flush) this.flush = flush;
    if (ready) this.ready = ready;
  }

  detach(): void {
    this.server = null;
  }

  async publish(userId: string, events: readonly ServerEvent[]): Promise<void> {
    if (!this.server) throw new Error('no Socket.IO server is attached to this process');
    if (!this.ready()) throw new Error('Redis is unavailable: the events wait in the outbox');
    emitToUser(this.server, userId, events);
    await this.flush();
  }

  notify(userId: string, name: string, body: unknown): void {
    if (this.server && this.ready()) this.server.to(userRoom(userId)).emit(name, body);
  }
}

import type { ServerEvent } from '@app/contracts';

/** The Socket.IO room of one user: every open connection of theirs, on any API process. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/**
 * The socket fan-out port: emits a user's events to their room. Adapters: the Socket.IO server
 * of an API process (its Redis adapter forwards to the other API processes in scaled mode), and
 * `@socket.io/redis-emitter` for a process without a server (the worker). Each event is emitted
 * once, by one process; nothing that comes back over Redis is emitted again.
 */
export abstract class EventPublisher {
  /**
   * Emits the events in the given order, each as the Socket.IO event named after its type with
   * the whole `ServerEvent` as body. Resolves once they are handed over (to Redis, when Redis
   * carries them); rejects when they cannot be, so the relay leaves them undelivered.
   */
  abstract publish(userId: string, events: readonly ServerEvent[]): Promise<void>;

  /**
   * Best effort, for passing news such as a running import's progress: emitted now to the
   * user's sockets, never stored or replayed; dropped when it cannot be sent.
   */
  abstract notify(userId: string, name: string, body: unknown): void;
}

/** What both Socket.IO emitters offer; the event name is the type, so the union needs no cast. */
export interface RoomEmitter {
  to(room: string): { emit(event: string, ...args: unknown[]): unknown };
}

export function emitToUser(target: RoomEmitter, userId: string, events: readonly ServerEvent[]) {
  const room = userRoom(userId);
  for (const event of events) target.to(room).emit(event.type, event);
}

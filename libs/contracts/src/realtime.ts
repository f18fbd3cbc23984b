import type { ServerEvent, ServerEventType } from './events';
import type { ImportProgress } from './imports';

/** The Socket.IO path of the API (SPEC.md §4 "Real time"); websocket transport only. */
export const SOCKET_PATH = '/ws';

/** Why a handshake was refused: `connect_error` carries it as `error.data.code`. */
export type SocketAuthErrorCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED';

export interface SocketAuthErrorData {
  code: SocketAuthErrorCode;
}

/** The handshake a client sends: `io(origin, { path: '/ws', transports: ['websocket'], auth }).` */
export interface SocketHandshakeAuth {
  token: string;
}

/** Sent just before the server disconnects a socket whose access token has expired. */
export interface TokenExpiredMessage {
  code: 'TOKEN_EXPIRED';
  message: string;
}

/**
 * What the server emits: one Socket.IO event per type, named after the type, whose body is the
 * whole `ServerEvent` ({type, seq, payload}); plus `token_expired`. Use it to type the client:
 * `Socket<ServerToClientEvents>` from socket.io-client.
 */
export type ServerToClientEvents = {
  [K in ServerEventType]: (event: ServerEvent<K>) => void;
} & {
  token_expired: (message: TokenExpiredMessage) => void;
  /** A large import's progress (best effort, never stored or replayed). */
  import_progress: (progress: ImportProgress) => void;
};

/** Clients send nothing over the socket: writes go through the REST API. */
export type ClientToServerEvents = Record<string, never>;

/** `GET /api/events?since=seq` (SPEC.md §4): what a reconnecting client missed, in `seq` order. */
export interface MissedEvents {
  events: ServerEvent[];
  /** More events after the last one returned: ask again with `since` = its `seq`. */
  hasMore: boolean;
  /** The user's newest sequence number (0 before any event). */
  latestSeq: number;
  /**
   * Some events after `since` are gone (older than the retention period), or `since` is ahead
   * of `latestSeq`: reload the state over REST instead of applying the events.
   */
  resync: boolean;
}

import type { INestApplication } from '@nestjs/common';
import { io, Socket } from 'socket.io-client';
import {
  SERVER_EVENT_TYPES,
  SOCKET_PATH,
  type ServerEvent,
  type ServerEventType,
  type ServerToClientEvents,
  type SocketAuthErrorData,
  type TokenExpiredMessage,
} from '../../libs/contracts/src';

/** Starts the in-process app listening on a free loopback port; returns its base URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

export interface ConnectOptions {
  /** Put in the handshake as `auth.token` (omitted when undefined). */
  token?: string;
  query?: Record<string, string>;
  transports?: ('websocket' | 'polling')[];
}

/** A connected test client that records every server event it receives, in order. */
export interface EventSocket {
  socket: Socket<ServerToClientEvents>;
  /** Every real-time event received so far, in arrival order. */
  events: ServerEvent[];
  tokenExpired: TokenExpiredMessage[];
  /** The received events of one type. */
  ofType<T extends ServerEventType>(type: T): ServerEvent<T>[];
  /** Resolves once at least `count` events have arrived in all (rejects after `timeoutMs`). */
  waitForEvents(count: number, timeoutMs?: number): Promise<ServerEvent[]>;
  /** Resolves with the disconnect reason. */
  disconnected: Promise<string>;
  close(): void;
}

function client(baseUrl: string, options: ConnectOptions): Socket<ServerToClientEvents> {
  return io(baseUrl, {
    path: SOCKET_PATH,
    transports: options.transports ?? ['websocket'],
    auth: options.token === undefined ? {} : { token: options.token },
    query: options.query,
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
}

/** Connects to `/ws`; rejects with the `connect_error` when the handshake is refused. */
export function connectEvents(baseUrl: string, options: ConnectOptions = {}): Promise<EventSocket> {
  const socket = client(baseUrl, options);
  const events: ServerEvent[] = [];
  const tokenExpired: TokenExpiredMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.onAny((name: string, body: ServerEvent) => {
    if ((SERVER_EVENT_TYPES as readonly string[]).includes(name)) {
      events.push(body);
      waiters.splice(0).forEach((wake) => wake());
    }
  });
  socket.on('token_expired', (message) => tokenExpired.push(message));
  const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
  const handle: EventSocket = {
    socket,
    events,
    tokenExpired,
    ofType: <T extends ServerEventType>(type: T) =>
      events.filter((e) => e.type === type) as unknown as ServerEvent<T>[],
    waitForEvents: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} events within ${timeoutMs} ms, got ${events.length}: ` +
                  JSON.stringify(events.map((e) => [e.type, e.seq])),
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events.slice());
          } else waiters.push(check);
        };
        check();
      }),
    disconnected,
    close: () => {
      socket.disconnect();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(handle));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export interface Refusal {
  message: string;
  data?: SocketAuthErrorData;
}

/** Attempts a connection that the server should refuse; resolves with the reason it gave. */
export async function refusal(baseUrl: string, options: ConnectOptions = {}): Promise<Refusal> {
  try {
    const connected = await connectEvents(baseUrl, options);
    connected.close();
  } catch (error) {
    const { message, data } = error as Error & { data?: SocketAuthErrorData };
    return { message, data };
  }
  throw new Error('the handshake was accepted');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

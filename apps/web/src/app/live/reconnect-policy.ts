import type { SocketAuthErrorCode } from '@app/contracts';

export type ReconnectAction =
  /** Reconnect now: the session already holds a newer token than the refused one. */
  | 'connect'
  /** Renew the access token with the refresh cookie, then reconnect. */
  | 'renew_then_connect'
  /** Socket.IO reconnects by itself, with back-off (network drop, server restart). */
  | 'let_socket_io_retry'
  | 'stay_disconnected';

/** Renewing and being refused again this many times in a row means something else is wrong. */
export const MAX_AUTH_RETRIES = 3;

/**
 * What to do after the socket closed or a handshake failed. `tokenIsNewer`: the session's access
 * token differs from the one the closed socket presented (the renewal timer ran meanwhile).
 */
export function reconnectAction(
  what: { disconnectReason: string } | { refusedWith: SocketAuthErrorCode | undefined },
  tokenIsNewer: boolean,
  authRetries: number,
): ReconnectAction {
  if ('disconnectReason' in what) {
    // Only a server-side disconnect (an expired token) is not retried by Socket.IO itself.
    if (what.disconnectReason === 'io client disconnect') return 'stay_disconnected';
    if (what.disconnectReason !== 'io server disconnect') return 'let_socket_io_retry';
  } else if (!what.refusedWith) {
    return 'let_socket_io_retry'; // not about the token: the server is unreachable
  }
  if (authRetries >= MAX_AUTH_RETRIES) return 'stay_disconnected';
  return tokenIsNewer ? 'connect' : 'renew_then_connect';
}

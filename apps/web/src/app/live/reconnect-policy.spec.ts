import { MAX_AUTH_RETRIES, reconnectAction } from './reconnect-policy';

describe('reconnectAction', () => {
  it('leaves network drops to Socket.IO and stays down after our own disconnect', () => {
    expect(reconnectAction({ disconnectReason: 'transport close' }, false, 0)).toBe(
      'let_socket_io_retry',
    );
    expect(reconnectAction({ disconnectReason: 'ping timeout' }, true, 0)).toBe(
      'let_socket_io_retry',
    );
    expect(reconnectAction({ refusedWith: undefined }, false, 0)).toBe('let_socket_io_retry');
    expect(reconnectAction({ disconnectReason: 'io client disconnect' }, false, 0)).toBe(
      'stay_disconnected',
    );
  });

  it('renews the token after the server ended the socket or refused the handshake', () => {
    expect(reconnectAction({ disconnectReason: 'io server disconnect' }, false, 0)).toBe(
      'renew_then_connect',
    );
    expect(reconnectAction({ refusedWith: 'TOKEN_EXPIRED' }, false, 1)).toBe('renew_then_connect');
    expect(reconnectAction({ refusedWith: 'TOKEN_MISSING' }, false, 0)).toBe('renew_then_connect');
  });

  it('reconnects at once when the session already renewed the token', () => {
    expect(reconnectAction({ disconnectReason: 'io server disconnect' }, true, 0)).toBe('connect');
  });

  it('gives up after repeated refusals', () => {
    expect(reconnectAction({ refusedWith: 'TOKEN_INVALID' }, false, MAX_AUTH_RETRIES)).toBe(
      'stay_disconnected',
    );
  });
});

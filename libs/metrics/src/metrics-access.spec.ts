import type { IncomingMessage } from 'node:http';
import { metricsAccess } from './metrics-access';

const req = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('metricsAccess (the /metrics token and loopback rule)', () => {
  it.each([
    ['127.0.0.1', {}, 'allowed'],
    ['127.8.9.10', {}, 'allowed'],
    ['::1', {}, 'allowed'],
    ['::ffff:127.0.0.1', {}, 'allowed'],
    ['10.0.0.5', {}, 'not_found'],
    ['192.168.1.20', {}, 'not_found'],
    ['::ffff:10.0.0.5', {}, 'not_found'],
    ['2001:db8::1', {}, 'not_found'],
    // A proxy on this machine forwards outside callers from loopback: not local.
    ['127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }, 'not_found'],
    ['127.0.0.1', { forwarded: 'for=203.0.113.9' }, 'not_found'],
  ] as const)('without a token: %s %j → %s', (address, headers, expected) => {
    expect(metricsAccess(req(address, headers), null)).toBe(expected);
  });

  it.each([
    ['10.0.0.5', 'Bearer sixteen-chars-token', 'allowed'],
    ['10.0.0.5', 'bearer sixteen-chars-token', 'allowed'],
    ['127.0.0.1', '', 'unauthorized'],
    ['10.0.0.5', 'Bearer sixteen-chars-tokeN', 'unauthorized'],
    ['10.0.0.5', 'Bearer sixteen-chars-token-and-more', 'unauthorized'],
    ['10.0.0.5', 'Basic sixteen-chars-token', 'unauthorized'],
  ] as const)('with METRICS_TOKEN: %s "%s" → %s', (address, authorization, expected) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    expect(metricsAccess(req(address, headers), 'sixteen-chars-token')).toBe(expected);
  });
});

import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Metrics } from './metrics';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read `/metrics` (SPEC.md §6): with METRICS_TOKEN set, a caller that sends it as a
 * bearer token; without it, only a caller on this machine — the socket's peer is loopback and
 * the request did not come through a proxy (a proxy on the same host would make every outside
 * caller look local).
 */
export function metricsAccess(
  req: IncomingMessage,
  token: string | null,
): 'allowed' | 'unauthorized' | 'not_found' {
  if (token !== null) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/i.exec(header);
    return match && sameToken(match[1], token) ? 'allowed' : 'unauthorized';
  }
  const peer = req.socket.remoteAddress ?? '';
  const proxied =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return LOOPBACK.test(peer) && !proxied ? 'allowed' : 'not_found';
}

function sendError(res: ServerResponse, status: 401 | 404, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="metrics"');
  res.end(
    JSON.stringify({
      statusCode: status,
      error: status === 401 ? 'Unauthorized' : 'Not Found',
      code,
      message,
    }),
  );
}

/** `GET /metrics` for the API (Express) and the worker (node:http) alike. */
export function serveMetrics(metrics: Metrics, token: string | null) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const access = metricsAccess(req, token);
    if (access === 'unauthorized')
      return sendError(res, 401, 'METRICS_TOKEN_INVALID', 'A valid metrics token is required.');
    if (access === 'not_found' || (req.method !== 'GET' && req.method !== 'HEAD'))
      return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    metrics.text().then(
      (body) => {
        res.statusCode = 200;
        res.setHeader('content-type', metrics.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: Error) => {
        res.statusCode = 500;
        res.end(`# metrics failed: ${error.message}\n`);
      },
    );
  };
}

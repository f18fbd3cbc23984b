import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { withLogContext } from './log-context';
import { routeOf } from './route-of';

/** Paths polled by machines: logged only when they fail. */
const QUIET = /^\/(metrics|api\/health\/(live|ready))$/;

/**
 * Tags each request with an id (the caller's X-Request-Id when it looks sane, else a new one),
 * runs the rest of the request in a log context carrying it and the user, and writes one line
 * when the response is done: method, route template (never the raw URL, which may hold a
 * token), status and milliseconds.
 */
export function requestLogging(pino: Pino) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header('x-request-id');
    const reqId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', reqId);
    const started = process.hrtime.bigint();
    const userId = () => (req as Request & { user?: { id?: string } }).user?.id;
    res.on('finish', () => {
      if (QUIET.test(req.path) && res.statusCode < 400) return;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const fields = {
        reqId,
        userId: userId(),
        method: req.method,
        route: routeOf(req),
        status: res.statusCode,
        ms,
      };
      const line = `${fields.method} ${fields.route} ${fields.status} in ${ms} ms`;
      if (res.statusCode >= 500) pino.error(fields, line);
      else pino.info(fields, line);
    });
    withLogContext({ reqId, userId }, next);
  };
}

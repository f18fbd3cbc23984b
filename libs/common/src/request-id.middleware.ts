import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Tags each request with an id (the caller's X-Request-Id when it looks sane) for the logs. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  res.setHeader(
    'x-request-id',
    incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID(),
  );
  next();
}

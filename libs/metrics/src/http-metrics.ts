import { routeOf } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/** Observes each response's duration under its route template (Express middleware). */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/metrics') return next();
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () =>
      end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }),
    );
    next();
  };
}

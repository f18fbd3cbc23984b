import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { errorBody } from '@app/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QUEUE_DASHBOARD_TTL_SECONDS } from './admin.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'queue_dashboard';

export function setQueueDashboardCookie(req: Request, res: Response, value: string): void {
  res.cookie(QUEUE_DASHBOARD_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: QUEUE_DASHBOARD_PATH,
    maxAge: QUEUE_DASHBOARD_TTL_SECONDS * 1000,
  });
}

/** The answer for anyone but an admin, and in modes without a queue: as for any unknown path. */
function notFound(res: Response): void {
  res.status(404).json(errorBody(404, 'NOT_FOUND', 'Not found.'));
}

/**
 * `/admin/queues`: Bull Board over the jobs queue, behind a gate that admits an admin's cookie
 * (set by `POST /api/admin/queue-dashboard/session`) or bearer token; everyone else — and every
 * request when there is no queue — gets 404.
 */
export function queueDashboard(
  queue: Queue | null,
  admits: (cookie: string | undefined, authorization: string | undefined) => Promise<boolean>,
) {
  type Handler = (req: Request, res: Response, next: NextFunction) => void;
  let board: Handler | null = null;
  if (queue) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue)],
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Habit Tracker jobs' } },
    });
    board = adapter.getRouter() as Handler;
  }
  const serve: Handler | null = board;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!serve) return notFound(res);
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies ?? {};
    admits(cookies[QUEUE_DASHBOARD_COOKIE], req.header('authorization')).then(
      (ok) => (ok ? serve(req, res, next) : notFound(res)),
      next,
    );
  };
}

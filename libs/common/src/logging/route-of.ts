import type { Request } from 'express';

/** Label of a request the router matched nowhere (unknown paths, the web app's files). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route template the router matched (`/api/habits/:id`), never the raw URL: ids and tokens
 * stay out of logs and metric labels, and the number of label values stays fixed.
 */
export function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return UNMATCHED_ROUTE;
}

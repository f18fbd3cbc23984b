import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written inside a request, a job run or an event delivery carries: the
 * request id (an HTTP request's, or a job run's own), the user, the job. Kept in async local
 * storage, so code that logs needs no parameter for it.
 */
export interface LogContext {
  reqId?: string;
  /** Read when a line is written: the access-token guard sets `user` on the request later. */
  userId?: () => string | undefined;
  job?: string;
  jobRunId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` (and everything it starts) with these fields added to the current context. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

/** The current context: its request id, user id and job, flattened for a log line. */
export function logFields(): Record<string, string> {
  const context = storage.getStore();
  if (!context) return {};
  const fields: Record<string, string> = {};
  if (context.reqId) fields.reqId = context.reqId;
  const userId = context.userId?.();
  if (userId) fields.userId = userId;
  if (context.job) fields.job = context.job;
  if (context.jobRunId) fields.jobRunId = context.jobRunId;
  return fields;
}

/** The current request id (an HTTP request's or a job run's), if any. */
export function currentRequestId(): string | null {
  return storage.getStore()?.reqId ?? null;
}

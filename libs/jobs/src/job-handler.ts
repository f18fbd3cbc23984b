import type { JobName, JobPayloads } from '@app/contracts';

/** What a run did, for logs and tests (e.g. `{ users: 3 }`). */
export type JobReport = Record<string, number>;

/** One scheduled job. Runs must be idempotent through database state: a repeat changes nothing. */
export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  run(payload: JobPayloads[N]): Promise<JobReport>;
}

/** Injection token for the list of every job handler. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

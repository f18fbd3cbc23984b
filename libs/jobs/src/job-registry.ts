import { JOB_NAMES, JobName, JobPayloads } from '@app/contracts';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JOB_HANDLERS, JobHandler, JobReport } from './job-handler';
import { JobRunOptions, JobRunRecorder } from './job-run-recorder';

/** Every job by name; construction fails (and so does the process) if a job has no handler. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Optional() private readonly recorder?: JobRunRecorder,
  ) {
    for (const handler of handlers) this.handlers.set(handler.name, handler);
    const missing = JOB_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
  }

  /** Every run of every scheduler comes here, and is recorded (`job_runs`, metrics, logs). */
  async run<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobRunOptions = {},
  ): Promise<JobReport> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${name}`);
    const work = () => (handler as JobHandler<N>).run(payload);
    return this.recorder ? this.recorder.record(name, options, work) : work();
  }
}

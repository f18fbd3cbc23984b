import { JOB_NAMES, JobName, JobPayloads } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_HANDLERS, JobHandler, JobReport } from './job-handler';

/** Every job by name; construction fails (and so does the process) if a job has no handler. */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(@Inject(JOB_HANDLERS) handlers: JobHandler[]) {
    for (const handler of handlers) this.handlers.set(handler.name, handler);
    const missing = JOB_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
  }

  async run<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<JobReport> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${name}`);
    const started = Date.now();
    const report = await (handler as JobHandler<N>).run(payload);
    this.logger.log(`${name} done in ${Date.now() - started} ms ${JSON.stringify(report)}`);
    return report;
  }
}

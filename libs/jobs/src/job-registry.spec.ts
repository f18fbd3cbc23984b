import { JobHandler, JobReport } from './job-handler';
import { JobRegistry } from './job-registry';

const handler = (name: JobHandler['name'], report: JobReport = { done: 1 }): JobHandler => ({
  name,
  run: async () => report,
});

describe('JobRegistry', () => {
  it('refuses to exist (so the worker refuses to start) when a job has no handler', () => {
    expect(() => new JobRegistry([handler('day_rollover'), handler('nudges')])).toThrow(
      'no handler for job(s): risk_detection',
    );
  });

  it('runs each job through its handler', async () => {
    const registry = new JobRegistry([
      handler('day_rollover', { users: 2 }),
      handler('risk_detection'),
      handler('nudges'),
    ]);
    await expect(registry.run('day_rollover', {})).resolves.toEqual({ users: 2 });
  });
});

import { API_MAIN, WORKER_MAIN, startProcess } from '../support/processes';

// The refused combinations of SPEC.md §2 and bad values stop the process with a message naming them.
describe('start-up configuration', () => {
  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'REDIS_URL without DATABASE_URL',
      { REDIS_URL: 'redis://127.0.0.1:6379' },
      /REDIS_URL needs DATABASE_URL/,
    ],
    [
      'DATABASE_URL without JWT_SECRET',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' },
      /JWT_SECRET is required/,
    ],
    [
      'a non-numeric PORT',
      { PORT: 'eighty', DATA_DIR: '/tmp/ht-never-used' },
      /PORT must be an integer/,
    ],
    [
      'a bad DATABASE_URL scheme',
      { DATABASE_URL: 'mysql://x', JWT_SECRET: 'x'.repeat(40) },
      /DATABASE_URL must start with postgres/,
    ],
    [
      'an unknown REGISTRATION',
      { REGISTRATION: 'maybe', DATA_DIR: '/tmp/ht-never-used' },
      /REGISTRATION must be one of open, closed/,
    ],
  ];

  it.each(refused)('the API refuses %s', async (_name, env, message) => {
    const api = startProcess(API_MAIN, env);
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(message);
  });

  it('the worker refuses to run without Redis (jobs run inside the API then)', async () => {
    const worker = startProcess(WORKER_MAIN, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/the worker needs DATABASE_URL and REDIS_URL/);
  });
});

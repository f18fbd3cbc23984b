import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess } from '../support/processes';
import { TEST_JWT_SECRET } from '../support/services';

describe('PostgreSQL without Redis: exactly one API process', () => {
  let db: TestPgDatabase;
  let first: RunningProcess;

  beforeAll(async () => {
    db = await createPgDatabase();
  });
  afterAll(async () => {
    await first?.stop();
    await db?.drop();
  });

  it('starts one API and refuses a second with a clear message', async () => {
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0' };
    first = startProcess(API_MAIN, env);
    const url = await first.ready;
    expect(await (await fetch(`${url}/api/health/ready`)).json()).toMatchObject({
      status: 'ok',
      mode: 'postgres',
    });

    const second = startProcess(API_MAIN, env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/another API process is already running on this database/);
  });

  it('releases the lock on a clean stop so the next start succeeds', async () => {
    expect(await first.stop('SIGTERM')).toBe(0);
    first = startProcess(API_MAIN, {
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
    });
    await expect(first.ready).resolves.toMatch(/^http:/);
  });
});

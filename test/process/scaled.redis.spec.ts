import { Client } from 'pg';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, WORKER_MAIN, startProcess } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';

describe('PostgreSQL + Redis: several API and worker processes', () => {
  let db: TestPgDatabase;
  const processes: RunningProcess[] = [];
  const env = () => ({
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
  });

  beforeAll(async () => {
    db = await createPgDatabase();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  });

  it('two APIs and a worker started at the same moment on an empty database all become ready; each migration is recorded once', async () => {
    processes.push(
      startProcess(API_MAIN, env()),
      startProcess(API_MAIN, env()),
      startProcess(WORKER_MAIN, env(), /Worker\W+ready \((pid \d+)\)/),
    );
    const [url1, url2] = await Promise.all(processes.map((p) => p.ready));

    for (const url of [url1, url2]) {
      const body = (await (await fetch(`${url}/api/health/ready`)).json()) as {
        workerHeartbeatAgeSeconds: unknown;
      };
      expect(body).toMatchObject({ status: 'ok', mode: 'scaled', database: 'ok', redis: 'ok' });
      expect(body.workerHeartbeatAgeSeconds).toEqual(expect.any(Number));
    }

    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(
      processes
        .map((p) => p.output())
        .join('')
        .match(/applied InitialSchema/g),
    ).toHaveLength(1);
  });

  it('a worker exits cleanly on SIGTERM', async () => {
    // Its own worker, so this test does not depend on the one above having run.
    const worker = startProcess(WORKER_MAIN, env(), /Worker\W+ready \((pid \d+)\)/);
    processes.push(worker);
    await worker.ready;
    expect(await worker.stop('SIGTERM')).toBe(0);
  });
});

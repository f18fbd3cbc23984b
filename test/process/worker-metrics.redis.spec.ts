import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { bullConnection } from '../../libs/jobs/src/bull-connection';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { parsePrometheus, valueOf } from '../support/prometheus';
import { RunningProcess, startProcess, WORKER_MAIN } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';

const TOKEN = 'worker-scrape-token-0123456789';

describe('the worker: /metrics on METRICS_PORT, and its job runs recorded (postgres + redis)', () => {
  let db: TestPgDatabase;
  let worker: RunningProcess;
  let metricsUrl: string;
  let queue: Queue;
  let queueEvents: QueueEvents;

  beforeAll(async () => {
    db = await createPgDatabase();
    queue = new Queue('jobs', { connection: bullConnection(testRedisUrl()) });
    await queue.obliterate({ force: true });
    queueEvents = new QueueEvents('jobs', { connection: bullConnection(testRedisUrl()) });
    await queueEvents.waitUntilReady();
    worker = startProcess(
      WORKER_MAIN,
      {
        DATABASE_URL: db.url,
        REDIS_URL: testRedisUrl(),
        JWT_SECRET: TEST_JWT_SECRET,
        METRICS_TOKEN: TOKEN,
        METRICS_PORT: '0',
        SCHEDULED_JOBS: 'false',
      },
      /metrics at (http:\/\/\S+\/metrics)/,
    );
    metricsUrl = await worker.ready;
    // Ready to take jobs once it says so.
    const deadline = Date.now() + 20_000;
    while (!/ready \(pid \d+\)/.test(worker.output())) {
      if (Date.now() > deadline) throw new Error(`the worker did not start:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    await worker?.stop();
    await queueEvents?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('answers the token only, with the job metrics moving after a run that job_runs records', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    const scrape = async () => {
      const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      return parsePrometheus(await res.text());
    };
    const labels = { job: 'risk_detection', status: 'succeeded' };
    const before = await scrape();
    expect(valueOf(before, 'job_duration_seconds_count', labels)).toBe(0);
    expect(valueOf(before, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

    const job = await queue.add('risk_detection', {});
    await job.waitUntilFinished(queueEvents, 20_000);

    const after = await scrape();
    expect(valueOf(after, 'job_duration_seconds_count', labels)).toBe(1);
    expect(valueOf(after, 'queue_jobs', { queue: 'jobs', state: 'completed' })).toBeGreaterThan(0);
    expect(valueOf(after, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);

    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query(
      'SELECT name, status, attempt, counts, runner, error FROM job_runs ORDER BY started_at',
    );
    await sql.end();
    const pid = worker.child.pid;
    expect(rows).toEqual([
      {
        name: 'risk_detection',
        status: 'succeeded',
        attempt: 1,
        counts: { users: 0, habitsChanged: 0 },
        runner: expect.stringMatching(new RegExp(`:${pid}$`)),
        error: null,
      },
    ]);
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  });
});

import { Job, Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { bullConnection } from '../../libs/jobs/src/bull-connection';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess, WORKER_MAIN } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';
import { signUp } from '../support/auth';
import { connectEvents, EventSocket } from '../support/sockets';
import request from 'supertest';
import type { App } from 'supertest/types';

/**
 * The worker on PostgreSQL + Redis, as separate processes: jobs triggered through the BullMQ
 * queue (not waited for on a schedule), idempotent through database state.
 */
describe('worker jobs on BullMQ (PostgreSQL + Redis)', () => {
  let db: TestPgDatabase;
  let sql: Client;
  let queue: Queue;
  let queueEvents: QueueEvents;
  const running: RunningProcess[] = [];
  const sockets: EventSocket[] = [];
  let apiUrls: string[] = [];
  // A Redis database of its own, so parallel runs never share queues.
  const redisUrl = `${testRedisUrl().replace(/\/\d*$/, '')}/${5 + (process.pid % 8)}`;
  const env = () => ({
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    SCHEDULED_JOBS: 'false',
  });
  const startWorker = () => {
    const worker = startProcess(WORKER_MAIN, env(), /Worker\W+ready \((pid \d+)\)/);
    running.push(worker);
    return worker;
  };
  const isoDay = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  /** `count` users in UTC, each with a daily habit started 5 days ago, computed as of then. */
  async function seedStaleUsers(count: number, tag: string): Promise<void> {
    await sql.query(
      `WITH u AS (
         INSERT INTO users (email, hashed_password, timezone)
         SELECT '${tag}-' || g || '@example.com', 'not-a-hash', 'UTC' FROM generate_series(1, $1) g RETURNING id)
       INSERT INTO habits (user_id, name, frequency, start_date, created_on, stats_as_of, status)
       SELECT id, 'Old habit', 'daily', $2, $2, $2, 'active' FROM u`,
      [count, isoDay(-5)],
    );
    await sql.query(
      `INSERT INTO habit_schedules (habit_id, effective_from, frequency)
       SELECT id, start_date, 'daily' FROM habits WHERE NOT EXISTS (SELECT 1 FROM habit_schedules s WHERE s.habit_id = habits.id)`,
    );
  }

  async function runJob(name: string): Promise<Job> {
    const job = await queue.add(name, {});
    await job.waitUntilFinished(queueEvents, 110_000);
    return (await Job.fromId(queue, job.id!))!;
  }

  beforeAll(async () => {
    db = await createPgDatabase();
    // Two API processes; their outbox relays deliver what the worker's jobs record.
    const apis = [startProcess(API_MAIN, env()), startProcess(API_MAIN, env())];
    running.push(...apis);
    apiUrls = await Promise.all(apis.map((a) => a.ready));
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    queue = new Queue('jobs', { connection: bullConnection(redisUrl) });
    await queue.obliterate({ force: true });
    queueEvents = new QueueEvents('jobs', { connection: bullConnection(redisUrl) });
    await queueEvents.waitUntilReady();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all(running.map((p) => p.stop()));
    await queueEvents?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await sql?.end();
    await db?.drop();
  });

  it('the risk job marks a habit at risk; its alert reaches a socket on the other API once; a second run changes nothing', async () => {
    startWorker();
    await running[running.length - 1].ready;
    // A real user through API #1, whose habit was (as if) created and last computed 5 days ago.
    const user = await signUp(apiUrls[0] as unknown as App, { timezone: 'UTC' });
    const habit = await request(apiUrls[0])
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Floss', frequency: 'daily' })
      .expect(201);
    // Written behind the API's back: the stored checkpoint (folded when the habit was created,
    // with today as its start) no longer matches the history, so it goes too.
    await sql.query(
      `UPDATE habits SET start_date = $2, created_on = $2, stats_as_of = $2, status = 'active', consecutive_misses = 0, checkpoint = NULL WHERE id = $1`,
      [habit.body.id, isoDay(-5)],
    );
    await sql.query('UPDATE habit_schedules SET effective_from = $2 WHERE habit_id = $1', [
      habit.body.id,
      isoDay(-5),
    ]);
    await seedStaleUsers(2, 'risk');
    const socket = await connectEvents(apiUrls[1], { token: user.accessToken });
    sockets.push(socket);

    const job = await runJob('risk_detection');
    expect(job.returnvalue).toMatchObject({ habitsChanged: 3 });
    const atRisk = await sql.query(
      `SELECT id, version FROM habits WHERE status = 'at_risk' ORDER BY id`,
    );
    expect(atRisk.rows).toHaveLength(3);
    const alerts = await sql.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'habit_at_risk'`,
    );
    expect(alerts.rows[0].n).toBe(3);
    await socket.waitForEvents(1, 10_000);

    const again = await runJob('risk_detection');
    expect(again.returnvalue).toMatchObject({ habitsChanged: 0 });
    expect(
      (await sql.query(`SELECT id, version FROM habits WHERE status = 'at_risk' ORDER BY id`)).rows,
    ).toEqual(atRisk.rows);
    expect(
      (await sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'habit_at_risk'`))
        .rows[0].n,
    ).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // a relay sweep or two: nothing more arrives
    const received = socket.ofType('habit_at_risk');
    expect(received).toHaveLength(1);
    // Five days unlogged (today pending): 5 misses.
    expect(received[0].payload).toMatchObject({
      habit: { id: habit.body.id, status: 'at_risk' },
      consecutiveMisses: 5,
    });
  });

  it('a worker killed during a job: the next worker completes it, and each user is recomputed once', async () => {
    await seedStaleUsers(400, 'rollover');
    const first = running[running.length - 1];
    const job = await queue.add('day_rollover', {});
    // Kill the worker mid-job: once it has started but before all 400 users are done.
    await waitFor(async () => /day_rollover started/.test(first.output()));
    await waitFor(
      async () =>
        (
          await sql.query(`SELECT count(*)::int AS n FROM habits WHERE stats_as_of = $1`, [
            isoDay(0),
          ])
        ).rows[0].n > 0,
    );
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const doneBefore = (
      await sql.query(`SELECT count(*)::int AS n FROM habits WHERE stats_as_of = $1`, [isoDay(0)])
    ).rows[0].n;
    expect(doneBefore).toBeLessThan(403);

    startWorker();
    await job.waitUntilFinished(queueEvents, 110_000);
    const stale = await sql.query(`SELECT count(*)::int AS n FROM habits WHERE stats_as_of < $1`, [
      isoDay(0),
    ]);
    expect(stale.rows[0].n).toBe(0);
    // Recomputed once: an at-risk transition records one alert per habit, never two.
    const perHabit = await sql.query(
      `SELECT payload->'habit'->>'id' AS id, count(*)::int AS n FROM outbox_events WHERE type = 'habit_at_risk' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(perHabit.rows).toEqual([]);
    expect(
      (await sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'habit_at_risk'`))
        .rows[0].n,
    ).toBe(403);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

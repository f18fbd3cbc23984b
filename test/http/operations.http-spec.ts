import request from 'supertest';
import { InProcessJobScheduler } from '../../libs/jobs/src/in-process-job-scheduler';
import { JobRegistry } from '../../libs/jobs/src/job-registry';
import { JobRunRecorder } from '../../libs/jobs/src/job-run-recorder';
import { signUp, SignedUp } from '../support/auth';
import { find, parsePrometheus, valueOf } from '../support/prometheus';
import { relogin } from '../support/relogin';
import { connectEvents, listen, sleep } from '../support/sockets';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DAY1 = '2026-03-02T10:00:00Z';

describe(`operations: metrics, admins, job runs (${testDb()})`, () => {
  let t: TestApp;
  let admin: SignedUp;
  let listed: SignedUp;
  let user: SignedUp;

  const scrape = async () => {
    const res = await request(t.http).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(res.text);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: DAY1, env: { ADMIN_EMAILS: 'Ops@Example.com' } });
    admin = await signUp(t.http, { email: 'first@example.com' });
    listed = await signUp(t.http, { email: 'ops@example.com' });
    user = await signUp(t.http, { email: 'someone@example.com' });
  });
  afterAll(() => t?.close());

  it('GET /api/auth/me says who is an admin: the first user and ADMIN_EMAILS, nobody else', async () => {
    const me = (who: SignedUp) => request(t.http).get('/api/auth/me').set(who.auth);
    expect((await me(admin)).body.isAdmin).toBe(true);
    expect((await me(listed)).body.isAdmin).toBe(true);
    expect((await me(user)).body.isAdmin).toBe(false);
    const rows = await t.dataSource.query('SELECT email, is_admin FROM users ORDER BY email');
    // Only the first user is stored as one; the listed address is read from ADMIN_EMAILS.
    expect(rows).toEqual([
      { email: 'first@example.com', is_admin: true },
      { email: 'ops@example.com', is_admin: false },
      { email: 'someone@example.com', is_admin: false },
    ]);
  });

  it('/metrics is Prometheus text with the named series, and they move with traffic', async () => {
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Walk', frequency: 'daily' });
    expect(habit.status).toBe(201);
    const labels = { method: 'GET', route: '/api/habits/:id', status: '200' };
    const before = await scrape();

    for (const name of [
      'http_request_duration_seconds',
      'job_duration_seconds',
      'outbox_delivery_lag_seconds',
    ])
      expect(before.types.get(name)).toBe('histogram');
    for (const name of [
      'db_pool_connections',
      'db_pool_max',
      'outbox_backlog_events',
      'outbox_oldest_pending_seconds',
      'socket_connections',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ])
      expect(find(before, name).length).toBeGreaterThan(0);
    expect(valueOf(before, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(valueOf(before, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

    await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth).expect(200);
    await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth).expect(200);
    await request(t.http)
      .get('/api/habits/00000000-0000-4000-8000-000000000000')
      .set(user.auth)
      .expect(404);
    await request(t.http).get('/api/habits/not-a-uuid').expect(401);
    await request(t.http).get('/no/such/path/00000000-0000-4000-8000-000000000000');
    const after = await scrape();

    const count = 'http_request_duration_seconds_count';
    expect(valueOf(after, count, labels) - valueOf(before, count, labels)).toBe(2);
    expect(
      valueOf(after, count, { ...labels, status: '404' }) -
        valueOf(before, count, { ...labels, status: '404' }),
    ).toBe(1);
    expect(
      valueOf(after, count, { ...labels, status: '401' }) -
        valueOf(before, count, { ...labels, status: '401' }),
    ).toBe(1);
    expect(valueOf(after, 'http_request_duration_seconds_sum', labels)).toBeGreaterThan(
      valueOf(before, 'http_request_duration_seconds_sum', labels),
    );
    // Labels come from the router: no id, no raw path, ever.
    const routes = new Set(find(after, count).map((s) => s.labels.route));
    expect([...routes].filter((r) => UUID.test(r) || r.includes('not-a-uuid'))).toEqual([]);
    expect(routes).toContain('unmatched');
    expect(routes).toContain('/api/habits');
  });

  it('answers only loopback callers without METRICS_TOKEN: a proxied request gets 404', async () => {
    const proxied = await request(t.http).get('/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(proxied.status).toBe(404);
    expect(proxied.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(proxied.text).not.toMatch(/http_request_duration_seconds/);
    const forwarded = await request(t.http).get('/metrics').set('Forwarded', 'for=203.0.113.9');
    expect(forwarded.status).toBe(404);
  });

  it('records every job run with its counts (registry and in-process timers alike), for admins only', async () => {
    const before = await scrape();
    // Mon 03-02 10:00 → Wed 03-04: the user's day started, so the rollover recomputes them.
    t.clock.set('2026-03-04T00:30:00Z');
    for (const who of [admin, user]) await relogin(t, who);
    const report = await t.app.get(JobRegistry).run('day_rollover', {});
    expect(report).toEqual({ users: 1 });
    await t.app.get(InProcessJobScheduler).trigger('risk_detection');

    const runs = await request(t.http).get('/api/admin/jobs').set(admin.auth);
    expect(runs.status).toBe(200);
    expect(runs.body.slice(0, 2)).toEqual([
      expect.objectContaining({
        name: 'risk_detection',
        status: 'succeeded',
        attempt: 1,
        // The rollover has just brought the user to their day: the risk scan (the same pass
        // over users whose day started) finds no one.
        counts: { users: 0, habitsChanged: 0 },
        error: null,
      }),
      expect.objectContaining({
        name: 'day_rollover',
        status: 'succeeded',
        counts: { users: 1 },
        startedAt: '2026-03-04T00:30:00.000Z',
        finishedAt: '2026-03-04T00:30:00.000Z',
      }),
    ]);
    expect(runs.body[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(runs.body[0].runner).toMatch(/:\d+$/);
    const limited = await request(t.http).get('/api/admin/jobs?limit=1').set(admin.auth);
    expect(limited.body).toHaveLength(1);
    const bad = await request(t.http).get('/api/admin/jobs?limit=0').set(admin.auth);
    expect(bad.status).toBe(400);

    const after = await scrape();
    const jobs = 'job_duration_seconds_count';
    for (const job of ['day_rollover', 'risk_detection'])
      expect(
        valueOf(after, jobs, { job, status: 'succeeded' }) -
          valueOf(before, jobs, { job, status: 'succeeded' }),
      ).toBe(1);
  });

  it('a run left running by a stop is closed as failed at the next start (one process runs jobs)', async () => {
    await t.dataSource.query(
      `INSERT INTO job_runs (name, runner, started_at) VALUES ('nudges', 'gone:1', $1)`,
      ['2026-03-04T00:00:00Z'],
    );
    // What the app does when it starts again.
    await t.app.get(JobRunRecorder).onApplicationBootstrap();
    const runs = await request(t.http).get('/api/admin/jobs').set(admin.auth);
    expect(runs.body.find((r: { runner: string }) => r.runner === 'gone:1')).toMatchObject({
      name: 'nudges',
      status: 'failed',
      finishedAt: '2026-03-04T00:30:00.000Z',
      error: 'interrupted: the process stopped during the run',
    });
  });

  it('the operations status shows the mode, the outbox backlog and (here) no queue', async () => {
    const status = await request(t.http).get('/api/admin/status').set(admin.auth);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      mode: testDb() === 'postgres' ? 'postgres' : 'standalone',
      queue: null,
      outbox: { pending: expect.any(Number), oldestPendingSeconds: expect.any(Number) },
      queueDashboard: false,
    });
  });

  it('admin routes answer 404 to a normal user, as for any object they may not see', async () => {
    await relogin(t, user);
    await relogin(t, listed);
    for (const [method, path] of [
      ['get', '/api/admin/jobs'],
      ['get', '/api/admin/status'],
      ['post', '/api/admin/queue-dashboard/session'],
    ] as const) {
      const res = await request(t.http)[method](path).set(user.auth);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
      expect((await request(t.http)[method](path)).status).toBe(401);
    }
    expect((await request(t.http).get('/api/admin/jobs').set(listed.auth)).status).toBe(200);
    // No queue dashboard without Redis: 404 for everyone, admins included.
    expect((await request(t.http).get('/admin/queues').set(user.auth)).status).toBe(404);
    expect((await request(t.http).get('/admin/queues').set(admin.auth)).status).toBe(404);
  });

  it('counts open sockets in socket_connections', async () => {
    const url = await listen(t.app);
    await relogin(t, user);
    const sockets = async () => valueOf(await scrape(), 'socket_connections');
    const before = await sockets();
    const first = await connectEvents(url, { token: user.accessToken });
    const second = await connectEvents(url, { token: user.accessToken });
    expect((await sockets()) - before).toBe(2);
    first.close();
    second.close();
    for (let i = 0; i < 50 && (await sockets()) !== before; i++) await sleep(20);
    expect(await sockets()).toBe(before);
  });
});

describe(`/metrics with METRICS_TOKEN (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: 'scrape-token-0123456789abcdef' } });
  });
  afterAll(() => t?.close());

  it('needs the bearer token, from loopback too', async () => {
    const none = await request(t.http).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'METRICS_TOKEN_INVALID' });
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await request(t.http)
      .get('/metrics')
      .set('Authorization', 'Bearer scrape-token-0123456789abcdeX');
    expect(wrong.status).toBe(401);
    const right = await request(t.http)
      .get('/metrics')
      .set('Authorization', 'Bearer scrape-token-0123456789abcdef')
      .set('X-Forwarded-For', '203.0.113.9');
    expect(right.status).toBe(200);
    expect(find(parsePrometheus(right.text), 'process_resident_memory_bytes')).toHaveLength(1);
  });
});

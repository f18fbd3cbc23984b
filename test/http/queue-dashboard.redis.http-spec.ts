import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { find, parsePrometheus } from '../support/prometheus';
import { startTestApp, TestApp } from '../support/test-app';

/** The `queue_dashboard` cookie a response sets, as `name=value`, with its attributes. */
function dashboardCookie(res: request.Response): { pair: string; attributes: string } | null {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('queue_dashboard='));
  if (!cookie) return null;
  return { pair: cookie.split(';')[0], attributes: cookie };
}

describe('scaled mode: queue counts and Bull Board at /admin/queues (postgres + redis)', () => {
  let t: TestApp;
  let admin: SignedUp;
  let user: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ redis: true });
    admin = await signUp(t.http);
    user = await signUp(t.http);
  });
  afterAll(() => t?.close());

  it('reports the queue by state in /api/admin/status and in /metrics', async () => {
    const status = await request(t.http).get('/api/admin/status').set(admin.auth);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ mode: 'scaled', queueDashboard: true });
    expect(Object.keys(status.body.queue).sort()).toEqual(
      ['active', 'completed', 'delayed', 'failed', 'prioritized', 'waiting'].sort(),
    );
    const metrics = parsePrometheus((await request(t.http).get('/metrics')).text);
    const states = find(metrics, 'queue_jobs', { queue: 'jobs' }).map((s) => s.labels.state);
    expect(states.sort()).toEqual(Object.keys(status.body.queue).sort());
  });

  it('serves every metric the Grafana dashboard (docker/grafana) draws', async () => {
    const dashboard = fs.readFileSync(
      path.join(__dirname, '..', '..', 'docker', 'grafana', 'dashboards', 'habit-tracker.json'),
      'utf8',
    );
    const exprs: string[] = JSON.parse(dashboard).panels.flatMap(
      (p: { targets?: { expr: string }[] }) => (p.targets ?? []).map((t) => t.expr),
    );
    const functions = new Set(['sum', 'max', 'rate', 'increase', 'histogram_quantile', 'by', 'le']);
    const used = new Set(
      exprs
        .flatMap((e) => e.replace(/"[^"]*"/g, '').match(/[a-z_:][a-z0-9_:]*(?=[{[)\s]|$)/g) ?? [])
        .filter((name) => name.includes('_') && !functions.has(name))
        .map((name) => name.replace(/_(bucket|sum|count)$/, '')),
    );
    expect(used.size).toBeGreaterThan(10);
    const families = parsePrometheus((await request(t.http).get('/metrics')).text).types;
    expect([...used].filter((name) => !families.has(name))).toEqual([]);
  });

  it('lets an admin’s browser in with a session-bound cookie; everyone else gets 404', async () => {
    expect((await request(t.http).get('/admin/queues')).status).toBe(404);
    expect((await request(t.http).get('/admin/queues').set(user.auth)).status).toBe(404);
    const refused = await request(t.http).post('/api/admin/queue-dashboard/session').set(user.auth);
    expect(refused.status).toBe(404);
    expect(dashboardCookie(refused)).toBeNull();

    const opened = await request(t.http).post('/api/admin/queue-dashboard/session').set(admin.auth);
    expect(opened.status).toBe(204);
    const cookie = dashboardCookie(opened)!;
    expect(cookie.attributes).toMatch(/Path=\/admin\/queues/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);

    const page = await request(t.http).get('/admin/queues').set('Cookie', cookie.pair);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/Habit Tracker jobs/);
    const api = await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookie.pair);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(['jobs']);
    // A normal user's forged or borrowed-looking cookie does not pass.
    const forged = await request(t.http)
      .get('/admin/queues')
      .set('Cookie', `${cookie.pair.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);

    // Signing out everywhere ends the dashboard's pass with the session.
    await request(t.http).post('/api/auth/logout-all').set(admin.auth).expect(204);
    expect((await request(t.http).get('/admin/queues').set('Cookie', cookie.pair)).status).toBe(
      404,
    );
  });
});

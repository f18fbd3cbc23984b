import { Writable } from 'node:stream';
import request from 'supertest';
import { JobRegistry } from '../../libs/jobs/src/job-registry';
import { signUp } from '../support/auth';
import { TEST_JWT_SECRET, testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

interface Line {
  level: string;
  msg: string;
  time: string;
  reqId?: string;
  userId?: string;
  route?: string;
  status?: number;
  ms?: number;
  job?: string;
  jobRunId?: string;
  context?: string;
}

/** Collects everything the app logs, as written (JSON lines). */
class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
  lines(): Line[] {
    return this.text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);
  }
}

describe(`structured logs (${testDb()})`, () => {
  let t: TestApp;
  const logs = new Capture();

  beforeAll(async () => {
    t = await startTestApp({
      env: { LOG_FORMAT: 'json', LOG_LEVEL: 'debug' },
      logDestination: logs,
    });
  });
  afterAll(() => t?.close());

  it('writes one JSON object per line with reqId, userId, route, status and ms — and no secret', async () => {
    const password = 'a password nobody may log 7Qx';
    const newPassword = 'the next password nobody logs 9Zw';
    const who = await signUp(t.http, { password });
    const habit = await request(t.http)
      .post('/api/habits')
      .set(who.auth)
      .send({ name: 'Stretch', frequency: 'daily' });
    const logged = await request(t.http)
      .post('/api/habit-logs')
      .set(who.auth)
      .set('X-Request-Id', 'trace-me-42')
      .send({ habitId: habit.body.id, status: 'done' });
    expect(logged.status).toBe(201);
    await request(t.http)
      .post('/api/auth/login')
      .send({ email: who.email, password: 'wrong password 123' });
    const refreshed = await request(t.http)
      .post('/api/auth/refresh')
      .send({ refreshToken: who.refreshToken });
    expect(refreshed.status).toBe(200);
    await request(t.http)
      .get(`/api/analytics/habits/${habit.body.id}/heatmap?from=2026-01-01`)
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    await request(t.http)
      .patch('/api/users/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .send({ currentPassword: password, newPassword });
    await request(t.http).post('/api/unsubscribe?token=some-secret-link-token').send();
    await t.app.get(JobRegistry).run('risk_detection', {});
    // Let the relay deliver the log's events.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const text = logs.text;
    if (process.env.SHOW_LOGS) console.log(text);
    for (const secret of [
      TEST_JWT_SECRET,
      password,
      newPassword,
      who.accessToken,
      who.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
      'some-secret-link-token',
    ]) {
      expect(typeof secret === 'string' && secret.length >= 16).toBe(true);
      expect({ found: text.includes(secret), secret: secret.slice(0, 12) }).toEqual({
        found: false,
        secret: secret.slice(0, 12),
      });
    }
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT at all

    const lines = logs.lines();
    const request1 = lines.find((l) => l.reqId === 'trace-me-42' && l.route !== undefined);
    expect(request1).toMatchObject({
      level: 'info',
      route: '/api/habit-logs',
      status: 201,
      userId: (who.user as { id: string }).id,
    });
    expect(request1!.ms).toBeGreaterThanOrEqual(0);
    expect(request1!.msg).toBe(`POST /api/habit-logs 201 in ${request1!.ms} ms`);
    expect(Date.parse(request1!.time)).not.toBeNaN();
    // The request's id follows its events to their delivery.
    const delivered = lines.find((l) => l.context === 'OutboxRelay' && l.reqId === 'trace-me-42');
    expect(delivered?.msg).toMatch(/^delivered habit_logged/);
    // A job run's lines carry the job, its run id and a request id of their own.
    const job = lines.find((l) => l.job === 'risk_detection' && /done in/.test(l.msg));
    expect(job).toMatchObject({ context: 'Jobs', jobRunId: expect.any(String) });
    expect(job!.reqId).toBe(`job-${job!.jobRunId}`);
    const routes = lines.filter((l) => l.route).map((l) => l.route);
    expect(routes).toContain('/api/analytics/habits/:id/heatmap');
    expect(routes.some((r) => r!.includes(habit.body.id) || r!.includes('?'))).toBe(false);
  });
});

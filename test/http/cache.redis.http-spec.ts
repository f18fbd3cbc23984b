import request from 'supertest';
import { signUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

// Scaled mode in one process: the dashboard cache lives in Redis (REDIS_URL's database + 1).
describe('the dashboard cache in Redis (PostgreSQL + Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T12:00:00Z', redis: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a repeated read with no SQL beyond the guard’s user lookup, and a read after a write reflects it', async () => {
    expect(t.config.mode).toBe('scaled');
    const user = await signUp(t.http);
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Run', frequency: 'daily' });
    const first = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(first.body.dueToday).toMatchObject({ due: 1, done: 0 });
    const again = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(again.headers['x-query-count']).toBe('1');
    expect(again.body).toEqual(first.body);

    await request(t.http)
      .post('/api/habit-logs')
      .set(user.auth)
      .send({ habitId: habit.body.id, status: 'done' })
      .expect(201);
    const after = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(after.body.dueToday).toMatchObject({ due: 1, done: 1 });
    expect(Number(after.headers['x-query-count'])).toBeGreaterThan(1);
  });
});

import { Client } from 'pg';
import request from 'supertest';
import { USER_LOCK_TIMEOUT_MS } from '../../libs/unit-of-work/src/unit-of-work';
import { signUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

// A write waits for the user's other writes (their row lock), but only so long: past
// USER_LOCK_TIMEOUT_MS it answers 503 DATABASE_BUSY with Retry-After, and writes nothing.
describe('a write that waits too long for its user (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T12:00:00Z' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 DATABASE_BUSY with Retry-After while another transaction holds the user, and succeeds once it is gone', async () => {
    const user = await signUp(t.http);
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Read', frequency: 'daily' })
      .expect(201);
    const holder = new Client({ connectionString: t.config.databaseUrl! });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.user.id]);
      const started = Date.now();
      const busy = await request(t.http)
        .post('/api/habit-logs')
        .set(user.auth)
        .send({ habitId: habit.body.id, status: 'done' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(USER_LOCK_TIMEOUT_MS - 100);
      expect(busy.status).toBe(503);
      expect(busy.body).toMatchObject({ statusCode: 503, code: 'DATABASE_BUSY' });
      expect(busy.headers['retry-after']).toBe('2');
      // Reads never wait for a write lock.
      await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth).expect(200);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM habit_logs WHERE habit_id = $1',
      [habit.body.id],
    );
    expect(n).toBe(0);
    await request(t.http)
      .post('/api/habit-logs')
      .set(user.auth)
      .send({ habitId: habit.body.id, status: 'done' })
      .expect(201);
  });
});

import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-20T12:00:00Z';
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;

// Issue 15, defects 3 and 4: ordinary concurrent requests of one user (a phone and a laptop)
// answered 409 CONCURRENT_UPDATE (deadlocks between writers that locked a user's rows in
// different orders), and dashboard reads racing a habit delete answered 500.
describe(`one user's concurrent requests (${testDb()})`, () => {
  let t: TestApp;
  let user: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    user = await signUp(t.http);
  });
  afterAll(async () => {
    await t?.close(); // stats:verify: no difference after all of this
  });

  const createHabit = async (name: string) =>
    (
      await request(t.http)
        .post('/api/habits')
        .set(user.auth)
        .send({ name, frequency: 'daily', startDate: day(1) })
        .expect(201)
    ).body.id as string;

  it('8 parallel writes × 5 rounds (logs on different habits, detect-risks, a habit read, settings, a goal update) never answer 409 or 5xx', async () => {
    const habits = await Promise.all(['A', 'B', 'C', 'D'].map((name) => createHabit(name)));
    const goal = (
      await request(t.http)
        .post('/api/goals')
        .set(user.auth)
        .send({
          name: 'G',
          targetValue: 100,
          unit: 'days',
          startDate: day(1),
          habits: habits.map((habitId) => ({ habitId })),
        })
        .expect(201)
    ).body.id as string;

    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const responses = await Promise.all([
        ...habits.map((habitId, i) =>
          request(t.http)
            .post('/api/habit-logs')
            .set(user.auth)
            .send({ habitId, logDate: day(2 + round * 2 + (i % 2)), status: 'done' }),
        ),
        request(t.http).post('/api/suggestions/detect-risks').set(user.auth),
        request(t.http).get(`/api/habits/${habits[0]}`).set(user.auth),
        request(t.http)
          .patch('/api/users/me')
          .set(user.auth)
          .send({ nudgeHour: 10 + round }),
        request(t.http)
          .patch(`/api/goals/${goal}`)
          .set(user.auth)
          .send({ name: `G${round}` }),
      ]);
      statuses.push(...responses.map((r) => r.status));
      // A new local day makes the next round's reads recompute (a write at read time).
      t.clock.advance(24 * 3600 * 1000);
      await relogin(t, user);
    }
    expect(statuses).toHaveLength(40);
    expect(statuses.filter((s) => s >= 300)).toEqual([]);

    // Each habit got one log per round.
    const logs: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM habit_logs WHERE habit_id = ANY($1::uuid[]) GROUP BY habit_id',
      [habits],
    );
    expect(logs.map((l) => l.n)).toEqual([5, 5, 5, 5]);
  });

  it('dashboard and heatmap reads racing habit creates and deletes never answer 500', async () => {
    const failures: { status: number; body: unknown }[] = [];
    let reads = 0;
    for (let round = 0; round < 30; round++) {
      const ids = await Promise.all(
        Array.from({ length: 3 }, (_, i) => createHabit(`R${round}-${i}`)),
      );
      const responses = await Promise.all([
        ...ids.map((id) => request(t.http).delete(`/api/habits/${id}`).set(user.auth)),
        ...Array.from({ length: 15 }, (_, i) =>
          request(t.http)
            .get(i % 3 === 2 ? '/api/analytics/heatmap' : '/api/analytics/dashboard')
            .set(user.auth),
        ),
      ]);
      for (const res of responses.slice(0, ids.length)) expect(res.status).toBe(204);
      for (const res of responses.slice(ids.length)) {
        reads++;
        if (res.status !== 200) failures.push({ status: res.status, body: res.body });
      }
    }
    expect(reads).toBe(450);
    expect(failures).toEqual([]);
  });
});

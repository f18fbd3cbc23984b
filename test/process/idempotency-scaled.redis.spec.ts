import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';

// SPEC.md §6: "the same key within 24 h returns the first answer and adds nothing" — across
// API processes, so the key lives in the database, not in one process's memory.
describe('Idempotency-Key across two API processes (PostgreSQL + Redis)', () => {
  let db: TestPgDatabase;
  let api1: RunningProcess;
  let api2: RunningProcess;
  let url1: string;
  let url2: string;
  let alice: SignedUp;

  beforeAll(async () => {
    db = await createPgDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      SCHEDULED_JOBS: 'false',
    };
    api1 = startProcess(API_MAIN, env);
    url1 = await api1.ready; // migrations first
    api2 = startProcess(API_MAIN, env);
    url2 = await api2.ready;
    alice = await signUp(url1);
  });
  afterAll(async () => {
    await Promise.all([api1, api2].filter(Boolean).map((p) => p.stop()));
    await db?.drop();
  });

  it('the same key sent to both APIs (at once, then again) adds once; the answers are the first one', async () => {
    const habit = await request(url1)
      .post('/api/habits')
      .set(alice.auth)
      .send({
        name: 'Water',
        frequency: 'daily',
        kind: 'measure',
        unit: 'glasses',
        target: { type: 'at_least', value: 8, period: 'day' },
      });
    expect(habit.status).toBe(201);
    const add = (url: string, key: string) =>
      request(url)
        .post('/api/habit-logs')
        .set(alice.auth)
        .set('Idempotency-Key', key)
        .send({ habitId: habit.body.id, add: 1.5 });

    const together = await Promise.all([add(url1, 'glass-1'), add(url2, 'glass-1')]);
    const later = await Promise.all([add(url2, 'glass-1'), add(url1, 'glass-1')]);
    for (const res of [...together, ...later]) {
      expect(res.status).toBe(201);
      expect(res.body.log.value).toBe(1.5);
      expect(res.body).toEqual(together[0].body);
    }
    // A new key adds: 1.5 + 1.5 = 3, on whichever API.
    const next = await add(url2, 'glass-2');
    expect(next.status).toBe(200);
    expect(next.body.log.value).toBe(3);
    const read = await request(url1).get(`/api/habits/${habit.body.id}`).set(alice.auth);
    expect(read.body.todayLog.value).toBe(3);
    expect(read.body.period).toMatchObject({ total: 3, target: 8, outcome: 'pending' });
  });
});

import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';
import { connectEvents, EventSocket, refusal, sleep } from '../support/sockets';

describe('real time across two API processes (PostgreSQL + Redis)', () => {
  let db: TestPgDatabase;
  let api1: RunningProcess;
  let api2: RunningProcess;
  let url1: string;
  let url2: string;
  let alice: SignedUp;
  let bob: SignedUp;
  const sockets: EventSocket[] = [];

  beforeAll(async () => {
    db = await createPgDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
    };
    api1 = startProcess(API_MAIN, env);
    url1 = await api1.ready; // migrations first, so the two do not wait on each other's lock
    api2 = startProcess(API_MAIN, { ...env, LOG_LEVEL: 'debug' });
    url2 = await api2.ready;
    alice = await signUp(url1);
    bob = await signUp(url1);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([api1, api2].filter(Boolean).map((p) => p.stop()));
    await db?.drop();
  });

  it('a socket on API #2 receives the events of a log made through API #1, exactly once each; B gets none of them', async () => {
    const aliceOn2 = await connectEvents(url2, { token: alice.accessToken });
    const aliceOn1 = await connectEvents(url1, { token: alice.accessToken });
    const bobOn2 = await connectEvents(url2, { token: bob.accessToken });
    sockets.push(aliceOn2, aliceOn1, bobOn2);

    const habit = await request(url1)
      .post('/api/habits')
      .set(alice.auth)
      .send({ name: 'Run', frequency: 'daily' });
    expect(habit.status).toBe(201);
    const logged = await request(url1)
      .post('/api/habit-logs')
      .set(alice.auth)
      .send({ habitId: habit.body.id, status: 'done' });
    expect(logged.status).toBe(201);

    await aliceOn2.waitForEvents(2);
    await aliceOn1.waitForEvents(2);
    await sleep(2_500); // several sweeps of both relays: nothing may come twice
    for (const socket of [aliceOn2, aliceOn1]) {
      expect(socket.events.map((e) => [e.type, e.seq])).toEqual([
        ['habit_logged', 1],
        ['streak_update', 2],
      ]);
      expect(socket.events[0]).toMatchObject({
        payload: { habit: { id: habit.body.id, version: logged.body.habit.version } },
      });
    }
    expect(bobOn2.events).toEqual([]);
  });

  it('refuses bad and missing tokens on every process; a token in the query string never reaches the logs', async () => {
    for (const url of [url1, url2]) {
      expect(await refusal(url)).toMatchObject({ data: { code: 'TOKEN_MISSING' } });
      expect(await refusal(url, { token: 'x.y.z' })).toMatchObject({
        data: { code: 'TOKEN_INVALID' },
      });
    }
    expect(await refusal(url2, { query: { token: alice.accessToken } })).toMatchObject({
      data: { code: 'TOKEN_MISSING' },
    });
    await sleep(200);
    expect(api2.output()).toContain('token=[redacted]');
    expect(api2.output()).not.toContain(alice.accessToken);
  });
});

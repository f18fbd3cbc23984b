import { Client } from 'pg';
import request from 'supertest';
import type { ServerEvent } from '../../libs/contracts/src';
import { signUp, SignedUp } from '../support/auth';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess } from '../support/processes';
import { TEST_JWT_SECRET, testRedisUrl } from '../support/services';
import { connectEvents, EventSocket, sleep } from '../support/sockets';

/**
 * API #2 only holds the socket (OUTBOX_RELAY=off there); API #1 writes. API #1 is killed with
 * SIGKILL after a log committed and before its events were delivered (its relay is off for that
 * run, so "before delivery" is certain), then restarted with the relay on.
 */
describe('outbox relay across a SIGKILL (PostgreSQL + Redis)', () => {
  let db: TestPgDatabase;
  let env: Record<string, string>;
  const processes: RunningProcess[] = [];
  let url2: string;
  let alice: SignedUp;
  let habitId: string;
  let socket: EventSocket;

  const startApi = async (extra: Record<string, string> = {}) => {
    const api = startProcess(API_MAIN, { ...env, ...extra });
    processes.push(api);
    return { api, url: await api.ready };
  };
  const outbox = async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ seq: string; delivered: boolean }>(
        'SELECT seq, delivered_at IS NOT NULL AS delivered FROM outbox_events ORDER BY seq',
      );
      return rows.map((r) => [Number(r.seq), r.delivered]);
    } finally {
      await client.end();
    }
  };
  const logDone = async (url: string, logDate: string) => {
    const res = await request(url)
      .post('/api/habit-logs')
      .set(alice.auth)
      .send({ habitId, status: 'done', logDate });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    db = await createPgDatabase();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
    };
  });
  afterAll(async () => {
    socket?.close();
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  });

  it('after the restart a connected socket receives the undelivered events once, with their original seq; nothing delivered before is sent again', async () => {
    const first = await startApi();
    ({ url: url2 } = await startApi({ OUTBOX_RELAY: 'off' }));
    alice = await signUp(first.url);
    const today = (await request(first.url).get('/api/auth/me').set(alice.auth)).body.today;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const habit = await request(first.url)
      .post('/api/habits')
      .set(alice.auth)
      .send({ name: 'Run', frequency: 'daily', startDate: yesterday });
    habitId = habit.body.id;
    socket = await connectEvents(url2, { token: alice.accessToken });

    // A normal run: delivered by API #1's relay, through Redis, to the socket on API #2.
    await logDone(first.url, yesterday);
    await socket.waitForEvents(2);
    expect(socket.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(await first.api.stop('SIGTERM')).toBe(0);

    // Recorded but not delivered, then killed.
    const doomed = await startApi({ OUTBOX_RELAY: 'off' });
    await logDone(doomed.url, today);
    await sleep(1_500);
    expect(socket.events).toHaveLength(2);
    expect(await outbox()).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(await doomed.api.stop('SIGKILL')).toBe('SIGKILL');
    const recorded: ServerEvent[] = (await request(url2).get('/api/events?since=2').set(alice.auth))
      .body.events;
    expect(recorded.map((e) => [e.seq, e.type])).toEqual([
      [3, 'habit_logged'],
      [4, 'streak_update'],
    ]);

    // Restarted with the relay on: its sweep delivers what the killed process left.
    await startApi();
    await socket.waitForEvents(4, 10_000);
    await sleep(2_500);
    expect(socket.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(socket.events.slice(2)).toEqual(recorded);
    expect(await outbox()).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
    ]);
  });
});

import type { ServerEvent } from '../../libs/contracts/src';
import { OutboxRelay } from '../../libs/realtime/src';
import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { connectEvents, EventSocket, listen, refusal, sleep } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-10T12:00:00Z';
const TODAY = '2026-03-10';

/** Long enough for the relay (woken at commit; swept every second) to deliver anything stray. */
const QUIET_MS = 1_500;

describe(`real time: Socket.IO gateway, outbox relay, catch-up (${testDb()})`, () => {
  let t: TestApp;
  let url: string;
  let alice: SignedUp;
  let bob: SignedUp;
  const sockets: EventSocket[] = [];
  const connect = async (who: SignedUp) => {
    const socket = await connectEvents(url, { token: who.accessToken });
    sockets.push(socket);
    return socket;
  };
  const createHabit = async (who: SignedUp, name: string, startDate = TODAY) => {
    const res = await request(t.http)
      .post('/api/habits')
      .set(who.auth)
      .send({ name, frequency: 'daily', startDate });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const log = async (who: SignedUp, habitId: string, body: Record<string, unknown> = {}) => {
    const res = await request(t.http)
      .post('/api/habit-logs')
      .set(who.auth)
      .send({ habitId, status: 'done', ...body });
    expect([200, 201]).toContain(res.status);
    return res.body as { log: { id: string }; habit: { id: string; version: number } };
  };
  const latestSeq = async (who: SignedUp) =>
    (await request(t.http).get('/api/events?since=0&limit=1').set(who.auth)).body
      .latestSeq as number;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    url = await listen(t.app);
    alice = await signUp(t.http);
    bob = await signUp(t.http);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('a log sends habit_logged {log, habit} then streak_update {habit} to the user, in seq order, with the habit version', async () => {
    const habitId = await createHabit(alice, 'Run');
    const before = await latestSeq(alice);
    const socket = await connect(alice);

    const logged = await log(alice, habitId);
    const events = await socket.waitForEvents(2);
    await sleep(QUIET_MS);

    expect(socket.events).toHaveLength(2);
    expect(events.map((e) => [e.type, e.seq])).toEqual([
      ['habit_logged', before + 1],
      ['streak_update', before + 2],
    ]);
    const [habitLogged, streakUpdate] = socket.events;
    expect(habitLogged).toMatchObject({
      payload: {
        log: { id: logged.log.id, habitId, logDate: TODAY, status: 'done' },
        habit: { id: habitId, currentStreak: 1, version: logged.habit.version },
      },
    });
    expect(streakUpdate).toMatchObject({
      payload: { habit: { id: habitId, currentStreak: 1, version: logged.habit.version } },
    });
    // The catch-up read serves the very same events.
    const missed = await request(t.http).get(`/api/events?since=${before}`).set(alice.auth);
    expect(missed.status).toBe(200);
    expect(missed.body).toEqual({
      events: socket.events,
      hasMore: false,
      latestSeq: before + 2,
      resync: false,
    });
  });

  it('goal_completed is sent once, when the goal is reached, not again while it stays reached', async () => {
    const habitId = await createHabit(alice, 'Read', '2026-03-09');
    const goal = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({
        name: 'Two reads',
        targetValue: 2,
        unit: 'sessions',
        startDate: '2026-03-01',
        habits: [{ habitId }],
      });
    expect(goal.status).toBe(201);
    const socket = await connect(alice);

    await log(alice, habitId, { logDate: '2026-03-09' });
    await log(alice, habitId, { logDate: TODAY });
    await log(alice, habitId, { logDate: TODAY, notes: 'still done' });
    await socket.waitForEvents(5);
    await sleep(QUIET_MS);

    const completed = socket.ofType('goal_completed');
    expect(completed).toHaveLength(1);
    expect(completed[0].payload.goal).toMatchObject({
      id: goal.body.id,
      isCompleted: true,
      currentValue: 2,
    });
    expect(socket.ofType('habit_logged')).toHaveLength(3);
    // Every event exactly once, in seq order without gaps.
    const seqs = socket.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  });

  it("user B's socket never receives user A's events, and A's never B's", async () => {
    const aliceSocket = await connect(alice);
    const bobSocket = await connect(bob);
    const aliceHabit = await createHabit(alice, 'Stretch');
    const bobHabit = await createHabit(bob, 'Swim');

    await log(alice, aliceHabit);
    await log(bob, bobHabit);
    await aliceSocket.waitForEvents(2);
    await bobSocket.waitForEvents(2);
    await sleep(QUIET_MS);

    const habitIds = (events: ServerEvent[]) =>
      new Set(
        events.map((e) =>
          e.type === 'nudge'
            ? e.payload.habitId
            : 'habit' in e.payload
              ? e.payload.habit.id
              : e.type,
        ),
      );
    expect(habitIds(aliceSocket.events)).toEqual(new Set([aliceHabit]));
    expect(habitIds(bobSocket.events)).toEqual(new Set([bobHabit]));
    // Each user's sequence is their own.
    expect(bobSocket.events.map((e) => e.seq)).toEqual([
      (await latestSeq(bob)) - 1,
      await latestSeq(bob),
    ]);
  });

  it('a client that disconnects and misses three events gets them from GET /api/events?since in order', async () => {
    const run = await createHabit(alice, 'Walk');
    const read = await createHabit(alice, 'Journal');
    const socket = await connect(alice);
    await log(alice, run, { status: 'skipped' });
    await socket.waitForEvents(1);
    const lastSeen = socket.events[socket.events.length - 1].seq;
    socket.close();
    await socket.disconnected;

    await log(alice, run); // habit_logged + streak_update
    await log(alice, read, { status: 'skipped' }); // habit_logged
    // Let the relay deliver them (to nobody) before reconnecting, however loaded the machine is.
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox_events WHERE user_id = $1 AND delivered_at IS NULL',
        [alice.user.id],
      );
      if (n === 0) break;
      await sleep(50);
    }
    const again = await connect(alice);
    await sleep(QUIET_MS);
    expect(again.events).toEqual([]); // delivered while away: the socket gets nothing twice

    const missed = await request(t.http).get(`/api/events?since=${lastSeen}`).set(alice.auth);
    expect(missed.status).toBe(200);
    expect(missed.body.events.map((e: ServerEvent) => [e.seq, e.type])).toEqual([
      [lastSeen + 1, 'habit_logged'],
      [lastSeen + 2, 'streak_update'],
      [lastSeen + 3, 'habit_logged'],
    ]);
    expect(missed.body.events[0].payload.habit).toMatchObject({ id: run, currentStreak: 1 });
    expect(missed.body.events[2].payload.log).toMatchObject({ habitId: read, status: 'skipped' });
    expect(missed.body).toMatchObject({ hasMore: false, latestSeq: lastSeen + 3, resync: false });

    const page = await request(t.http).get(`/api/events?since=${lastSeen}&limit=2`).set(alice.auth);
    expect(page.body.events.map((e: ServerEvent) => e.seq)).toEqual([lastSeen + 1, lastSeen + 2]);
    expect(page.body.hasMore).toBe(true);
    const upToDate = await request(t.http)
      .get(`/api/events?since=${lastSeen + 3}`)
      .set(alice.auth);
    expect(upToDate.body).toEqual({
      events: [],
      hasMore: false,
      latestSeq: lastSeen + 3,
      resync: false,
    });
    const ahead = await request(t.http)
      .get(`/api/events?since=${lastSeen + 99}`)
      .set(alice.auth);
    expect(ahead.body).toMatchObject({ events: [], resync: true });
  });

  it('GET /api/events validates since and limit (400) and needs a token (401)', async () => {
    for (const query of [
      '',
      '?since=-1',
      '?since=abc',
      '?since=1.5',
      '?since=',
      '?since=0&limit=0',
      '?since=0&limit=501',
      '?since=0&other=1',
    ]) {
      const res = await request(t.http).get(`/api/events${query}`).set(alice.auth);
      expect({ query, status: res.status, code: res.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect((await request(t.http).get('/api/events?since=0')).status).toBe(401);
  });

  it('refuses a missing, malformed, forged or expired token, a token in the URL, a deleted user and long-polling, each with a clear reason', async () => {
    const forged = alice.accessToken.replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect(await refusal(url)).toMatchObject({ data: { code: 'TOKEN_MISSING' } });
    expect(await refusal(url, { token: 'not-a-jwt' })).toEqual({
      message: 'The access token is not valid.',
      data: { code: 'TOKEN_INVALID' },
    });
    expect(await refusal(url, { token: forged })).toMatchObject({
      data: { code: 'TOKEN_INVALID' },
    });
    const inUrl = await refusal(url, { query: { token: alice.accessToken } });
    expect(inUrl).toEqual({
      message: 'Send the access token in the handshake as auth.token, not in the URL.',
      data: { code: 'TOKEN_MISSING' },
    });

    const carol = await signUp(t.http);
    const deleted = await request(t.http)
      .delete('/api/users/me')
      .set(carol.auth)
      .send({ password: carol.password });
    expect(deleted.status).toBeLessThan(300);
    expect(await refusal(url, { token: carol.accessToken })).toMatchObject({
      data: { code: 'TOKEN_INVALID' },
    });

    const polling = await refusal(url, { token: alice.accessToken, transports: ['polling'] });
    expect(polling.data).toBeUndefined(); // the transport itself is refused

    t.clock.set(new Date(Date.parse(NOW) + 16 * 60_000));
    try {
      expect(await refusal(url, { token: alice.accessToken })).toEqual({
        message: 'The access token has expired: refresh it.',
        data: { code: 'TOKEN_EXPIRED' },
      });
    } finally {
      t.clock.set(NOW);
    }
  });

  it('a socket whose token expires gets token_expired and is disconnected', async () => {
    // Alice's token was issued at NOW for 15 minutes: connect with 1.5 s of it left.
    t.clock.set(new Date(Date.parse(NOW) + 15 * 60_000 - 1_500));
    try {
      const socket = await connect(alice);
      expect(await socket.disconnected).toBe('io server disconnect');
      expect(socket.tokenExpired).toEqual([
        {
          code: 'TOKEN_EXPIRED',
          message: 'The access token has expired: refresh it and reconnect.',
        },
      ]);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('delivered events are kept EVENT_RETENTION_DAYS (7): older ones are deleted and the catch-up says resync', async () => {
    const seq = await latestSeq(alice);
    expect(seq).toBeGreaterThan(0);
    const relay = t.app.get(OutboxRelay);
    t.clock.set(new Date(Date.parse(NOW) + 6 * 86_400_000));
    expect(await relay.deleteExpiredEvents()).toBe(0);
    t.clock.set(new Date(Date.parse(NOW) + 8 * 86_400_000));
    expect(await relay.deleteExpiredEvents()).toBeGreaterThanOrEqual(seq);
    await relogin(t, alice);
    const missed = await request(t.http).get('/api/events?since=0').set(alice.auth);
    expect(missed.body).toEqual({ events: [], hasMore: false, latestSeq: seq, resync: true });
  });
});

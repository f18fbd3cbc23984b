import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-31T12:00:00Z';
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;

describe(`write path under concurrency, and its statement counts (${testDb()})`, () => {
  let t: TestApp;
  let user: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    user = await signUp(t.http);
  });
  afterAll(async () => {
    await t?.close(); // asserts stats:verify finds no difference after all of this
  });

  const habit = async (name: string) =>
    (
      await request(t.http)
        .post('/api/habits')
        .set(user.auth)
        .send({ name, frequency: 'daily', startDate: '2026-03-01' })
    ).body.id as string;
  const log = (habitId: string, logDate: string, status = 'done') =>
    request(t.http).post('/api/habit-logs').set(user.auth).send({ habitId, logDate, status });
  const events = async (type: string) =>
    t.dataSource.query(
      'SELECT seq, payload FROM outbox_events WHERE user_id = $1 AND type = $2 ORDER BY seq',
      [(user.user as { id: string }).id, type],
    );

  it('20 concurrent done logs on two habits feeding one goal cross the target once: one goal_completed', async () => {
    const a = await habit('A');
    const b = await habit('B');
    const goal = await request(t.http)
      .post('/api/goals')
      .set(user.auth)
      .send({
        name: 'Twenty',
        targetValue: 15,
        unit: 'days',
        startDate: '2026-03-01',
        habits: [{ habitId: a }, { habitId: b }],
      });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => log(i % 2 ? a : b, day(1 + Math.floor(i / 2)))),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);

    const final = await request(t.http).get(`/api/goals/${goal.body.id}`).set(user.auth);
    expect(final.body).toMatchObject({ currentValue: 20, isCompleted: true });
    const completed = (await events('goal_completed')).filter(
      (e: { payload: { goal: { id: string } } }) => e.payload.goal.id === goal.body.id,
    );
    expect(completed).toHaveLength(1);
    // The event was recorded by the write that took the value from 14 to 15.
    expect(completed[0].payload.goal.currentValue).toBe(15);
  });

  it('20 concurrent logs and undos on one habit leave exactly the logs that won, and exact statistics', async () => {
    const a = await habit('Solo');
    const made = await Promise.all([4, 5, 6, 7, 8].map((d) => log(a, day(d))));
    const writes = Array.from({ length: 20 }, (_, i) =>
      i < 5
        ? request(t.http).delete(`/api/habit-logs/${made[i].body.log.id}`).set(user.auth)
        : log(a, day(10 + (i % 6)), i % 4 === 0 ? 'skipped' : 'done'),
    );
    const responses = await Promise.all(writes);
    expect(responses.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    // Days 4–8 undone; days 10–15 logged (the last write of each day wins).
    const rows: { log_date: string }[] = await t.dataSource.query(
      'SELECT log_date FROM habit_logs WHERE habit_id = $1 ORDER BY log_date',
      [a],
    );
    expect(rows.map((r) => r.log_date)).toEqual([10, 11, 12, 13, 14, 15].map(day));
    const fresh = await request(t.http).get(`/api/habits/${a}`).set(user.auth);
    const counts: { done: number; skipped: number }[] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'skipped')::int AS skipped
       FROM habit_logs WHERE habit_id = $1`,
      [a],
    );
    expect(fresh.body).toMatchObject({
      totalCompletions: counts[0].done,
      totalSkips: counts[0].skipped,
    });
  });

  it('20 concurrent logs and undos keep the statistics exact and record one goal_completed per transition, in commit order', async () => {
    const a = await habit('C');
    const b = await habit('D');
    const goal = await request(t.http)
      .post('/api/goals')
      .set(user.auth)
      .send({
        name: 'Flicker',
        targetValue: 4,
        unit: 'days',
        startDate: '2026-03-01',
        habits: [{ habitId: a }, { habitId: b }],
      });
    // Three done days each first, then 20 writes at once: logs and undos of days 10–14.
    const seeded = await Promise.all([log(a, day(1)), log(a, day(2)), log(b, day(1))]);
    expect(seeded.every((r) => r.status === 201)).toBe(true);
    const toUndo = await Promise.all([
      log(a, day(10)),
      log(b, day(10)),
      log(a, day(11)),
      log(b, day(11)),
    ]);
    const writes = Array.from({ length: 20 }, (_, i) => {
      if (i < 4)
        return request(t.http).delete(`/api/habit-logs/${toUndo[i].body.log.id}`).set(user.auth);
      return log(i % 2 ? a : b, day(12 + (i % 3)), i % 5 === 0 ? 'skipped' : 'done');
    });
    const responses = await Promise.all(writes);
    expect(responses.every((r) => r.status < 300)).toBe(true);

    // Every incomplete→complete and complete→incomplete change alternates in seq order.
    const goalEvents = (await events('goal_completed')).filter(
      (e: { payload: { goal: { id: string } } }) => e.payload.goal.id === goal.body.id,
    );
    type Snapshot = { seq: string; payload: { habit: { id: string; version: number } } };
    const logged: Snapshot[] = (await events('habit_logged')).filter((e: Snapshot) =>
      [a, b].includes(e.payload.habit.id),
    );
    // One habit_logged per log write: 3 seeded + 4 to undo + the 16 logs among the 20 writes.
    expect(logged).toHaveLength(23);
    // The newest snapshot of each habit (logged or streak_update) is the habit as stored now.
    const snapshots = logged
      .concat(await events('streak_update'))
      .sort((x, y) => Number(x.seq) - Number(y.seq));
    for (const id of [a, b]) {
      const stored = await request(t.http).get(`/api/habits/${id}`).set(user.auth);
      const newest = snapshots.filter((e) => e.payload.habit.id === id).at(-1)!;
      expect(newest.payload.habit).toMatchObject({
        version: stored.body.version,
        totalCompletions: stored.body.totalCompletions,
        currentStreak: stored.body.currentStreak,
      });
    }
    const seqs = goalEvents.map((e: { seq: string }) => Number(e.seq));
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const final = await request(t.http).get(`/api/goals/${goal.body.id}`).set(user.auth);
    const done: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM habit_logs WHERE habit_id = ANY($1::uuid[]) AND status = 'done'`,
      [[a, b]],
    );
    expect(final.body.currentValue).toBe(done[0].n);
    expect(final.body.isCompleted).toBe(done[0].n >= 4);
    // Completion flipped on at least once (3 seeded + 4 more done) and each flip recorded once.
    expect(goalEvents.length).toBeGreaterThanOrEqual(1);
    const versions = goalEvents.map(
      (e: { payload: { goal: { version: number } } }) => e.payload.goal.version,
    );
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('a log write issues the same number of statements however many logs and goals the habit has', async () => {
    const small = await habit('Small');
    const big = await habit('Big');
    for (let d = 1; d <= 20; d++) await log(big, day(d)).expect(201);
    for (let g = 0; g < 5; g++) {
      await request(t.http)
        .post('/api/goals')
        .set(user.auth)
        .send({ name: `G${g}`, targetValue: 1000, unit: 'x', habits: [{ habitId: big }] })
        .expect(201);
    }
    await request(t.http)
      .post('/api/goals')
      .set(user.auth)
      .send({ name: 'G-small', targetValue: 1000, unit: 'x', habits: [{ habitId: small }] })
      .expect(201);
    const a = await log(small, day(25));
    const b = await log(big, day(25));
    expect(Number(a.headers['x-query-count'])).toBeGreaterThan(0);
    expect(Number(b.headers['x-query-count'])).toBe(Number(a.headers['x-query-count']));
    // Five round trips (issue 18): the guard's user lookup; START TRANSACTION with the user's
    // lock; the habit locked with its history, its goals locked and counted, and the upsert;
    // the statistics, goals, seq and outbox; COMMIT.
    expect(Number(b.headers['x-query-count'])).toBe(5);
    // Undo: the same, with the log's habit found by the log and a DELETE instead of the upsert.
    const undo = await request(t.http)
      .delete(`/api/habit-logs/${b.body.log.id}`)
      .set(user.auth)
      .expect(200);
    expect(Number(undo.headers['x-query-count'])).toBe(5);
    // A goal edit that keeps its links: the guard's lookup; START TRANSACTION with the user's
    // lock; the goal's UPDATE returning it with its links' counts; progress and outbox; COMMIT.
    const goals = await request(t.http).get('/api/goals').set(user.auth).expect(200);
    const edited = await request(t.http)
      .patch(`/api/goals/${goals.body[0].id}`)
      .set(user.auth)
      .send({ name: 'renamed', targetValue: 999 })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'renamed', targetValue: 999 });
    expect(Number(edited.headers['x-query-count'])).toBe(5);
  });

  it('GET /api/habits issues the same number of statements for 50 habits as for 1 (no N+1)', async () => {
    const other = await signUp(t.http);
    const one = await signUp(t.http);
    await request(t.http)
      .post('/api/habits')
      .set(one.auth)
      .send({ name: 'Only', frequency: 'daily' })
      .expect(201);
    for (let i = 0; i < 50; i++) {
      await request(t.http)
        .post('/api/habits')
        .set(other.auth)
        .send({
          name: `H${i}`,
          frequency: i % 2 ? 'daily' : 'weekly',
          timesPerWeek: i % 2 ? undefined : 3,
        })
        .expect(201);
    }
    const fifty = await request(t.http).get('/api/habits').set(other.auth);
    const single = await request(t.http).get('/api/habits').set(one.auth);
    expect(fifty.body).toHaveLength(50);
    expect(single.body).toHaveLength(1);
    expect(Number(fifty.headers['x-query-count'])).toBe(Number(single.headers['x-query-count']));
    // The guard's user lookup, freshness, then the habits as plain rows with their schedule
    // history, pauses and last days' logs (for the 7-day strip each habit carries) in one
    // statement.
    expect(Number(fifty.headers['x-query-count'])).toBe(3);
  });
});

import { StatsVerifier } from '@app/habits';
import request from 'supertest';
import { JobRegistry } from '../../libs/jobs/src/job-registry';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// The day rollover (and the risk scan, the same pass) brings batches of users whose day started
// to it: users locked in one statement, their stale habits read with their checkpoints in one,
// written in one UPDATE, events only for transitions. Mon 2026-03-02 is day 1 (UTC users).
const DAY1 = '2026-03-02T10:00:00Z';

describe(`day rollover in batches (${testDb()})`, () => {
  let t: TestApp;
  const users: SignedUp[] = [];
  const habitIds: string[][] = [];

  const versions = async (): Promise<Map<string, number>> =>
    new Map(
      (
        await t.dataSource.query<{ id: string; version: number }[]>(
          'SELECT id, version FROM habits',
        )
      ).map((r) => [r.id, r.version]),
    );
  const outboxCount = async (): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
  /** Until the outbox relay has delivered every event (its statements would mix with ours). */
  const relayed = async () => {
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL',
      );
      if (n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the outbox relay did not deliver');
  };
  /** Runs the rollover, with the statements it sent (in order). */
  const rollover = async () => {
    await relayed();
    const logger = t.dataSource.logger as unknown as { logQuery: (query: string) => void };
    const original = logger.logQuery;
    const sql: string[] = [];
    logger.logQuery = function (this: unknown, query: string) {
      sql.push(query.trim());
      return original.call(this, query);
    };
    try {
      const report = await t.app.get(JobRegistry).run('day_rollover', {});
      return { report, sql };
    } finally {
      logger.logQuery = original;
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ now: DAY1 });
    // Four users: three with a daily and a weekly habit, one (the last) with ten habits.
    for (let u = 0; u < 4; u++) {
      const user = await signUp(t.http, { timezone: 'UTC' });
      users.push(user);
      const ids: string[] = [];
      for (let h = 0; h < (u === 3 ? 10 : 2); h++) {
        const res = await request(t.http)
          .post('/api/habits')
          .set(user.auth)
          .send(
            h % 2
              ? { name: `W${h}`, frequency: 'weekly', timesPerWeek: 3 }
              : { name: `D${h}`, frequency: 'daily' },
          );
        if (res.status !== 201) throw new Error(`habit: ${res.status}`);
        ids.push(res.body.id);
      }
      habitIds.push(ids);
    }
    // Logs on 03-02 and 03-03 for user 0's daily habit only.
    await t.dataSource.query(
      `INSERT INTO habit_logs (habit_id, log_date, status) VALUES ($1, '2026-03-02', 'done'), ($1, '2026-03-03', 'done')`,
      [habitIds[0][0]],
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes every stale habit once with the engine’s figures, skips fresh users, and a second run writes nothing', async () => {
    // Wed 03-04: user 3 reads first (its statistics come to today on that read).
    t.clock.set('2026-03-04T00:30:00Z');
    await relogin(t, users[3]);
    expect((await request(t.http).get('/api/habits').set(users[3].auth)).status).toBe(200);
    const before = await versions();
    const eventsBefore = await outboxCount();

    const first = await rollover();
    // Users 0–2 (the only stale ones: user 3 is already as of its day), 6 habits.
    expect(first.report).toEqual({ users: 3 });
    const after = await versions();
    for (const id of habitIds.slice(0, 3).flat()) expect(after.get(id)).toBe(before.get(id)! + 1);
    for (const id of habitIds[3]) expect(after.get(id)).toBe(before.get(id));
    // Set-based: one transaction for the batch, with one lock of the users' rows, one read of
    // their stale habits and one UPDATE of them, whatever the number of users and habits; an
    // outbox append per user with events (the relay's statements after commit come after).
    const ofBatch = first.sql.slice(0, first.sql.indexOf('COMMIT') + 1);
    const count = (pattern: RegExp) => ofBatch.filter((q) => pattern.test(q)).length;
    expect(count(/^START TRANSACTION/)).toBe(1);
    expect(count(/FROM users\s+WHERE id = ANY\(\$1::uuid\[\]\) ORDER BY id FOR UPDATE/)).toBe(1);
    expect(count(/FROM habits h\s+WHERE h\.user_id = ANY/)).toBe(1);
    expect(count(/^UPDATE habits h SET/)).toBe(1);
    expect(count(/INSERT INTO outbox_events/)).toBe(3);
    // Before it: the job's run record, the groups, a page of users; in it: BEGIN, the lock, the
    // habits, the UPDATE, the stale goals (none), 3 outbox appends, COMMIT.
    expect(ofBatch).toHaveLength(3 + 6 + 3);
    // Events only for transitions: user 0's daily habit has a streak of 2 (streak_update), users
    // 1 and 2's daily habit is at risk (03-02 and 03-03 missed; its streak stays 0).
    const events = await t.dataSource.query(
      `SELECT type, user_id FROM outbox_events ORDER BY id OFFSET $1`,
      [eventsBefore],
    );
    expect(
      events
        .map((e: { type: string; user_id: string }) => [
          users.findIndex((u) => u.user.id === e.user_id),
          e.type,
        ])
        .sort(),
    ).toEqual([
      [0, 'streak_update'],
      [1, 'habit_at_risk'],
      [2, 'habit_at_risk'],
    ]);
    const rows = await t.dataSource.query(
      'SELECT id, status, current_streak, stats_as_of FROM habits WHERE id = ANY($1) ORDER BY id',
      [[habitIds[0][0], habitIds[1][0]]],
    );
    expect(new Map(rows.map((r: { id: string }) => [r.id, r]))).toEqual(
      new Map([
        [
          habitIds[0][0],
          { id: habitIds[0][0], status: 'active', current_streak: 2, stats_as_of: '2026-03-04' },
        ],
        [
          habitIds[1][0],
          { id: habitIds[1][0], status: 'at_risk', current_streak: 0, stats_as_of: '2026-03-04' },
        ],
      ]),
    );
    // The figures are a recomputation's from every log (the verifier folds from scratch).
    expect(await t.app.get(StatsVerifier).verify()).toEqual([]);

    const second = await rollover();
    expect(second.report).toEqual({ users: 0 });
    expect(await versions()).toEqual(after);
    expect(await outboxCount()).toBe(eventsBefore + 3);
    // A page of users per group (none): no user locked, no habit read or written.
    expect(second.sql.filter((q) => /FOR UPDATE|^SELECT h\.id|UPDATE habits/.test(q))).toEqual([]);
  });

  it('advances the stored checkpoints day by day to the same figures as a recomputation', async () => {
    for (const day of ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']) {
      t.clock.set(`${day}T01:00:00Z`);
      await t.dataSource.query(
        `INSERT INTO habit_logs (habit_id, log_date, status)
         SELECT h.id, ($1::date - 1), (ARRAY['done', 'skipped', 'missed'])[1 + abs(hashtext(h.id::text || $1::text)) % 3]
           FROM habits h WHERE abs(hashtext($1::text || h.id::text)) % 4 <> 0
         ON CONFLICT DO NOTHING`,
        [day],
      );
      const run = await rollover();
      expect(run.report).toEqual({ users: 4 });
      const checkpoints = await t.dataSource.query(
        `SELECT DISTINCT checkpoint->>'through' AS through FROM habits`,
      );
      // Stored through the day before the new today (yesterday's logs folded in).
      expect(checkpoints).toEqual([
        { through: new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10) },
      ]);
      expect(await t.app.get(StatsVerifier).verify()).toEqual([]);
    }
  });
});

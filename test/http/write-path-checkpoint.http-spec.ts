import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * The incremental checkpoint on the write path (issue 18): a write stores the habit's
 * checkpoint through the user's yesterday; a later log dated after it reads only the recent
 * logs; one dated on or before it reads every log and folds a new one. "Now" is Wed 2026-03-11
 * 12:00 UTC; the user's zone is UTC, so today is 2026-03-11.
 */
const NOW = '2026-03-11T12:00:00Z';
const TODAY = '2026-03-11';
const YESTERDAY = '2026-03-10';

describe(`write path with a stored checkpoint (${testDb()})`, () => {
  let t: TestApp;
  let user: SignedUp;

  const createDaily = async (name: string, startDate: string): Promise<string> => {
    const res = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name, frequency: 'daily', startDate })
      .expect(201);
    return res.body.id;
  };
  /**
   * Every day from `from` to yesterday done, written directly (as an import would: it must drop
   * the checkpoint the habit's creation stored, folded from no logs).
   */
  const seedDoneDays = async (habitId: string, from: string) => {
    await t.dataSource.query(
      `INSERT INTO habit_logs (habit_id, log_date, status, created_at, updated_at)
       SELECT $1, d::date, 'done', now(), now()
       FROM generate_series($2::date, $3::date, interval '1 day') AS d`,
      [habitId, from, YESTERDAY],
    );
    await t.dataSource.query(`UPDATE habits SET checkpoint = NULL WHERE id = $1`, [habitId]);
  };
  const log = (habitId: string, logDate: string | undefined, status: string) =>
    request(t.http).post('/api/habit-logs').set(user.auth).send({ habitId, logDate, status });
  const storedThrough = async (habitId: string): Promise<string | null> =>
    (
      await t.dataSource.query(
        `SELECT checkpoint->>'through' AS through FROM habits WHERE id = $1`,
        [habitId],
      )
    )[0].through;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    user = await signUp(t.http, { timezone: 'UTC' });
  });
  afterAll(() => t?.close());

  it("today's log costs the same statements with 30 days or 3 years of history, and the figures are the full ones", async () => {
    // 30 days: 2026-02-09 … 03-10; 3 years: 2023-03-12 … 2026-03-10 (1,095 days).
    const recent = await createDaily('Recent', '2026-02-09');
    const long = await createDaily('Long', '2023-03-12');
    await seedDoneDays(recent, '2026-02-09');
    await seedDoneDays(long, '2023-03-12');
    expect(await storedThrough(long)).toBeNull();

    // First write: no checkpoint yet, so every log is read and one is stored through yesterday.
    const first = await log(long, TODAY, 'skipped').expect(201);
    expect(first.body.habit).toMatchObject({ currentStreak: 1095, totalCompletions: 1095 });
    expect(await storedThrough(long)).toBe(YESTERDAY);
    await log(recent, TODAY, 'skipped').expect(201);
    expect(await storedThrough(recent)).toBe(YESTERDAY);

    const a = await log(recent, TODAY, 'done').expect(200);
    const b = await log(long, TODAY, 'done').expect(200);
    expect(Number(b.headers['x-query-count'])).toBe(Number(a.headers['x-query-count']));
    expect(a.body.habit).toMatchObject({
      currentStreak: 31,
      longestStreak: 31,
      totalCompletions: 31,
      totalSkips: 0,
    });
    expect(b.body.habit).toMatchObject({
      currentStreak: 1096,
      longestStreak: 1096,
      totalCompletions: 1096,
      totalSkips: 0,
      lastCompletedDate: TODAY,
    });
  });

  it('a write after the checkpoint reads no log older than its window; one on or before it reads every log', async () => {
    const id = await createDaily('Window', '2025-03-11');
    await seedDoneDays(id, '2025-03-11'); // 365 days done, 2025-03-11 … 2026-03-10
    await log(id, TODAY, 'skipped').expect(201);
    expect(await storedThrough(id)).toBe(YESTERDAY);

    // Remove the year's first 300 logs behind the API's back: a write that read them would see
    // 65 completions; one that builds on the checkpoint still counts 365 (+1 today).
    await t.dataSource.query(
      `DELETE FROM habit_logs WHERE habit_id = $1 AND log_date < '2026-01-05'`,
      [id],
    );
    const today = await log(id, TODAY, 'done').expect(200);
    expect(today.body.habit).toMatchObject({ totalCompletions: 366, longestStreak: 366 });

    // Backdated to the checkpoint's own day: every log is read again and the fold restarts.
    const backdated = await log(id, YESTERDAY, 'skipped').expect(200);
    // Left: 2026-01-05 … 03-09 done (64), 03-10 skipped, today done.
    expect(backdated.body.habit).toMatchObject({
      totalCompletions: 65,
      totalSkips: 1,
      longestStreak: 65,
      currentStreak: 65,
    });
    expect(await storedThrough(id)).toBe(YESTERDAY);
  });

  it('an undo of a recent log builds on the checkpoint too', async () => {
    const id = await createDaily('Undo', '2026-01-01');
    await seedDoneDays(id, '2026-01-01'); // 69 days, 01-01 … 03-10
    await log(id, TODAY, 'done').expect(201);
    const written = await log(id, TODAY, 'done').expect(200);
    await t.dataSource.query(
      `DELETE FROM habit_logs WHERE habit_id = $1 AND log_date < '2026-01-10'`,
      [id],
    );
    const undo = await request(t.http)
      .delete(`/api/habit-logs/${written.body.log.id}`)
      .set(user.auth)
      .expect(200);
    // From the checkpoint: 69 done through yesterday; today's log gone.
    expect(undo.body.habit).toMatchObject({ totalCompletions: 69, currentStreak: 69 });
    // The logs removed behind the API's back leave figures no recomputation gives: remove the
    // habit (the suite's end checks every stored figure against a recomputation).
    await request(t.http).delete(`/api/habits/${id}`).set(user.auth).expect(204);
  });
});

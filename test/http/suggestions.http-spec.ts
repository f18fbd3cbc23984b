import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Today is Tuesday 2026-03-10 for a UTC user. Hand-worked histories (SPEC.md §3):
//
// C "Stretch" custom Mon/Wed/Fri, start Mon 02-16, medium. Due: 02-16 done, 02-18, 02-20,
//   02-23, 02-25 (none → missed), 02-27 missed (logged), 03-02 missed, 03-04 done,
//   03-06 skipped, 03-09 missed. Window 02-16…03-10: 9 expected, 2 done, 7 missed →
//   consistency 22, failure rate 0.7778. Misses by weekday: Mon 3 (02-23, 03-02, 03-09),
//   Wed 2, Fri 2 → reduce_frequency drops Monday; consistency < 30 → easier_difficulty.
// S "Swim" daily, start Mon 02-09, medium: done 02-09…02-15 (7 days), nothing since.
//   Window 02-09…03-10: 29 expected (today pending), 7 done → 24; 22 missed → 0.7586;
//   longest streak 7, current 0 → reduce_frequency, easier_difficulty, restart_small.
// L "Walk" weekly 2×, start Sun 02-01 (37 days old), hard: done Mon+Tue of each of the 4
//   past weeks and Monday 03-09 → 4 × 2/2 + min(2, 1) = 9 of 9 → 100 → level_up (already
//   hard, so weekly 2 → 3).
const NOW = '2026-03-10T12:00:00Z';

describe(`suggestions (${testDb()})`, () => {
  let t: TestApp;
  let me: SignedUp;
  let other: SignedUp;
  let stretch: string;
  let swim: string;
  let walk: string;

  function must(res: request.Response, status: number): request.Response {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  }
  async function createHabit(body: object): Promise<string> {
    return must(await request(t.http).post('/api/habits').set(me.auth).send(body), 201).body.id;
  }
  async function logDone(habitId: string, dates: string[], status = 'done'): Promise<void> {
    for (const logDate of dates) {
      must(
        await request(t.http)
          .post('/api/habit-logs')
          .set(me.auth)
          .send({ habitId, logDate, status }),
        201,
      );
    }
  }
  const adaptive = (habitId: string, who: SignedUp = me) =>
    request(t.http).get(`/api/suggestions/habits/${habitId}/adaptive`).set(who.auth);
  const apply = (habitId: string, body: object, who: SignedUp = me) =>
    request(t.http).post(`/api/suggestions/habits/${habitId}/apply`).set(who.auth).send(body);
  const dismiss = (habitId: string, body: object, who: SignedUp = me) =>
    request(t.http).post(`/api/suggestions/habits/${habitId}/dismiss`).set(who.auth).send(body);

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    me = await signUp(t.http, { timezone: 'UTC' });
    other = await signUp(t.http, { timezone: 'UTC' });

    stretch = await createHabit({
      name: 'Stretch',
      frequency: 'custom',
      daysOfWeek: [1, 3, 5],
      startDate: '2026-02-16',
    });
    await logDone(stretch, ['2026-02-16', '2026-03-04']);
    await logDone(stretch, ['2026-02-27'], 'missed');
    await logDone(stretch, ['2026-03-06'], 'skipped');

    swim = await createHabit({ name: 'Swim', frequency: 'daily', startDate: '2026-02-09' });
    await logDone(swim, [
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-15',
    ]);

    walk = await createHabit({
      name: 'Walk',
      frequency: 'weekly',
      timesPerWeek: 2,
      startDate: '2026-02-01',
      difficulty: 'hard',
    });
    await logDone(walk, [
      '2026-02-09',
      '2026-02-10',
      '2026-02-16',
      '2026-02-17',
      '2026-02-23',
      '2026-02-24',
      '2026-03-02',
      '2026-03-03',
      '2026-03-09',
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/suggestions/habits/{id}/adaptive', () => {
    it('suggests dropping the most-missed weekday and an easier difficulty', async () => {
      const res = await adaptive(stretch);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          type: 'reduce_frequency',
          message: 'You miss this habit more often than you do it: try Wed, Fri for now.',
          change: { daysOfWeek: [3, 5] },
        },
        {
          type: 'easier_difficulty',
          message: 'Consistency is 22%: make it easy to get going again.',
          change: { difficulty: 'easy' },
        },
      ]);
    });

    it('suggests weekly 5, easier and a small restart after a broken 7-day streak', async () => {
      const res = await adaptive(swim);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          type: 'reduce_frequency',
          message: 'You miss this habit more often than you do it: try 5 times a week for now.',
          change: { frequency: 'weekly', timesPerWeek: 5, daysOfWeek: null, intervalDays: null },
        },
        {
          type: 'easier_difficulty',
          message: 'Consistency is 24%: make it easy to get going again.',
          change: { difficulty: 'easy' },
        },
        {
          type: 'restart_small',
          message: 'You once kept this up for 7 days. Restart small: switch to easy for now.',
          change: { difficulty: 'easy' },
        },
      ]);
    });

    it('suggests one more weekly session to a hard, fully consistent habit', async () => {
      const res = await adaptive(walk);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          type: 'level_up',
          message: '100% consistent: ready for 3 times a week?',
          change: { timesPerWeek: 3 },
        },
      ]);
    });

    it('answers 404 for another user’s habit and 400 for a malformed id', async () => {
      const theirs = await adaptive(stretch, other);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('HABIT_NOT_FOUND');
      const malformed = await adaptive('42');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('INVALID_ID');
    });
  });

  describe('POST /api/suggestions/habits/{id}/apply', () => {
    it('applies level_up: the habit changes from today on and its statistics are recomputed', async () => {
      const res = await apply(walk, { type: 'level_up' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: walk,
        frequency: 'weekly',
        timesPerWeek: 3,
        difficulty: 'hard',
        statsAsOf: '2026-03-10',
        // The current week is judged by the 3× in force today: 1 done of 3.
        week: { done: 1, quota: 3 },
        // Past weeks keep their 2×: 4 × 2/2 + min(3, 1) → still 100.
        consistencyScore: 100,
      });
      const history = await t.dataSource.query(
        `SELECT effective_from::text AS "from", times_per_week AS times
           FROM habit_schedules WHERE habit_id = $1 ORDER BY effective_from`,
        [walk],
      );
      expect(history).toEqual([
        { from: '2026-02-01', times: 2 },
        { from: '2026-03-10', times: 3 },
      ]);
    });

    it('applies reduce_frequency to a custom habit, then answers 409 when it no longer holds', async () => {
      const res = await apply(stretch, { type: 'reduce_frequency' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ daysOfWeek: [3, 5], suggestedFrequency: null });
      // Monday 03-09 was judged by the schedule in force then: still missed.
      const heatmap = await request(t.http)
        .get(`/api/analytics/habits/${stretch}/heatmap?from=2026-03-09&to=2026-03-10`)
        .set(me.auth);
      expect(heatmap.body).toEqual([
        { date: '2026-03-09', status: 'missed', value: null, progress: null },
        { date: '2026-03-10', status: 'not_due', value: null, progress: null },
      ]);
      // Two weekdays left: nothing more to drop.
      const again = await apply(stretch, { type: 'reduce_frequency' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'SUGGESTION_STALE',
      });
    });

    it('answers 409 SUGGESTION_STALE when a backfill made the suggestion obsolete, and changes nothing', async () => {
      // 02-16 and 02-17 done: 9 of 29 → 31%, no longer below 30.
      await logDone(swim, ['2026-02-16', '2026-02-17']);
      const res = await apply(swim, { type: 'easier_difficulty' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SUGGESTION_STALE');
      const habit = await request(t.http).get(`/api/habits/${swim}`).set(me.auth);
      expect(habit.body).toMatchObject({ difficulty: 'medium', consistencyScore: 31 });
    });

    it('applies restart_small, after which it is advice only (422 to apply)', async () => {
      const res = await apply(swim, { type: 'restart_small' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ difficulty: 'easy', frequency: 'daily' });
      const now = await adaptive(swim);
      expect(now.body).toEqual([
        expect.objectContaining({ type: 'reduce_frequency' }), // 20 missed of 29
        {
          type: 'restart_small',
          message: 'You once kept this up for 9 days. Restart small: one easy step today.',
          change: null,
        },
      ]);
      const adviceOnly = await apply(swim, { type: 'restart_small' });
      expect(adviceOnly.status).toBe(422);
      expect(adviceOnly.body.code).toBe('SUGGESTION_NOT_APPLICABLE');
    });

    it('validates the type and the owner', async () => {
      for (const body of [{ type: 'bogus' }, {}, { type: 'level_up', extra: 1 }]) {
        const res = await apply(walk, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const theirs = await apply(walk, { type: 'level_up' }, other);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('HABIT_NOT_FOUND');
    });
  });

  describe('POST /api/suggestions/habits/{id}/dismiss', () => {
    it('hides the type from adaptive and refuses to apply it (409)', async () => {
      const res = await dismiss(stretch, { type: 'easier_difficulty' });
      expect(res.status).toBe(204);
      expect((await adaptive(stretch)).body).toEqual([]);
      const applied = await apply(stretch, { type: 'easier_difficulty' });
      expect(applied.status).toBe(409);
      expect(applied.body.code).toBe('SUGGESTION_DISMISSED');
      // Dismissing again is harmless (same 30 days from today).
      expect((await dismiss(stretch, { type: 'easier_difficulty' })).status).toBe(204);
      const rows = await t.dataSource.query(
        `SELECT type, dismissed_until::text AS until FROM suggestion_dismissals WHERE habit_id = $1`,
        [stretch],
      );
      expect(rows).toEqual([{ type: 'easier_difficulty', until: '2026-04-08' }]);
    });

    it('validates the type and the owner', async () => {
      const bad = await dismiss(stretch, { type: 'level_down' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const theirs = await dismiss(stretch, { type: 'level_up' }, other);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('HABIT_NOT_FOUND');
    });
  });

  describe('POST /api/suggestions/detect-risks', () => {
    it('lists the habits at risk today', async () => {
      const res = await request(t.http).post('/api/suggestions/detect-risks').set(me.auth);
      expect(res.status).toBe(200);
      // Swim: 02-18…03-09 unlogged after the last done (02-17). Stretch: only 03-09.
      expect(res.body).toEqual({
        asOf: '2026-03-10',
        atRisk: [{ habitId: swim, name: 'Swim', consecutiveMisses: 20 }],
      });
    });

    it('runs the risk rules on a new day and records habit_at_risk for the new transition', async () => {
      // Thursday 03-12: Stretch (now Wed/Fri) missed Wednesday 03-11 → 2 consecutive misses.
      t.clock.set('2026-03-12T12:00:00Z');
      await relogin(t, me);
      const res = await request(t.http).post('/api/suggestions/detect-risks').set(me.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        asOf: '2026-03-12',
        atRisk: [
          { habitId: swim, name: 'Swim', consecutiveMisses: 22 },
          { habitId: stretch, name: 'Stretch', consecutiveMisses: 2 },
        ],
      });
      const events: { habitId: string; misses: number }[] = await t.dataSource.query(
        `SELECT payload->'habit'->>'id' AS "habitId", (payload->>'consecutiveMisses')::int AS misses
           FROM outbox_events o JOIN users u ON u.id = o.user_id
          WHERE u.email = $1 AND o.type = 'habit_at_risk' ORDER BY o.seq`,
        [me.email],
      );
      expect(events).toContainEqual({ habitId: stretch, misses: 2 });
      // A second run the same day records nothing new.
      await request(t.http).post('/api/suggestions/detect-risks').set(me.auth);
      const again: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM outbox_events o JOIN users u ON u.id = o.user_id
          WHERE u.email = $1 AND o.type = 'habit_at_risk'`,
        [me.email],
      );
      expect(again).toHaveLength(events.length);
    });
  });

  it('shows a dismissed type again 30 days after the dismissal', async () => {
    // Dismissed on 03-10: hidden through 04-08. Stretch has been missed since, so its
    // consistency is below 30 and easier_difficulty holds again.
    t.clock.set('2026-04-08T12:00:00Z');
    await relogin(t, me);
    expect((await adaptive(stretch)).body).toEqual([]);
    t.clock.set('2026-04-09T12:00:00Z');
    await relogin(t, me);
    expect((await adaptive(stretch)).body).toEqual([
      expect.objectContaining({ type: 'easier_difficulty', change: { difficulty: 'easy' } }),
    ]);
  });
});

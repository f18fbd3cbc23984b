import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Today is Tuesday 2026-03-10 for a UTC user; the current ISO week starts Monday 03-09.
// Every expected value below is worked out by hand from this history (SPEC.md §3):
//
// A "Read"    daily, start Wed 02-25, paused Mon 03-02 – Wed 03-04.
//             02-25 done, 02-26 done, 02-27 skipped, 02-28 done, 03-01 (none → missed),
//             03-05 done, 03-06 done, 03-07 missed, 03-08 done, 03-09 done, 03-10 done.
// B "Gym"     weekly 3×, start Mon 02-16.
//             week 02-16: done 16, 18, 20 → quota 3, met.
//             week 02-23: done 24 → quota 3, failed (its unlogged days are `missed`).
//             week 03-02: done 02, 03, skipped 05 → quota 3 − 1 = 2, met.
//             week 03-09: done 09 → quota 3, pending (today is `pending`).
// C "Stretch" custom Mon/Wed/Fri, start Mon 02-16. Due: 02-16 done, 02-18, 02-20, 02-23,
//             02-25 (none → missed), 02-27 missed (logged), 03-02 (missed), 03-04 done,
//             03-06 skipped, 03-09 (missed). Tuesday 03-10 is not due.
// D "Meditate" daily, start Thu 03-05: 03-05 done, 03-06 done, then 07, 08, 09 unlogged
//             (3 consecutive misses → at_risk), today pending.
// E "Journal" daily, start Mon 03-09: 03-09 done, then paused today (status paused).
// Goals: "Read 10" (A, from 02-01, deadline 03-01: 8 < 10 → overdue), "Gym 5" (B, from
// 02-01: 7 ≥ 5 → completed), "Stretch 100" (C, no deadline → in progress).
const NOW = '2026-03-10T12:00:00Z';

describe(`analytics (${testDb()})`, () => {
  let t: TestApp;
  let me: SignedUp;
  let other: SignedUp;
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };

  const get = (path: string, who: SignedUp = me) => request(t.http).get(path).set(who.auth);
  /** Setup steps fail loudly (expect() belongs in tests). */
  function must(res: request.Response, status: number): request.Response {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  }

  async function createHabit(body: object): Promise<string> {
    const res = await request(t.http).post('/api/habits').set(me.auth).send(body);
    return must(res, 201).body.id;
  }
  async function logAll(habitId: string, days: Record<string, 'done' | 'skipped' | 'missed'>) {
    for (const [logDate, status] of Object.entries(days)) {
      must(
        await request(t.http)
          .post('/api/habit-logs')
          .set(me.auth)
          .send({ habitId, logDate, status }),
        201,
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    me = await signUp(t.http, { timezone: 'UTC' });
    other = await signUp(t.http, { timezone: 'UTC' });

    ids.A = await createHabit({
      name: 'Read',
      frequency: 'daily',
      startDate: '2026-02-25',
      pausePeriods: [{ from: '2026-03-02', to: '2026-03-04' }],
    });
    await logAll(ids.A, {
      '2026-02-25': 'done',
      '2026-02-26': 'done',
      '2026-02-27': 'skipped',
      '2026-02-28': 'done',
      '2026-03-05': 'done',
      '2026-03-06': 'done',
      '2026-03-07': 'missed',
      '2026-03-08': 'done',
      '2026-03-09': 'done',
      '2026-03-10': 'done',
    });
    ids.B = await createHabit({
      name: 'Gym',
      frequency: 'weekly',
      timesPerWeek: 3,
      startDate: '2026-02-16',
    });
    await logAll(ids.B, {
      '2026-02-16': 'done',
      '2026-02-18': 'done',
      '2026-02-20': 'done',
      '2026-02-24': 'done',
      '2026-03-02': 'done',
      '2026-03-03': 'done',
      '2026-03-05': 'skipped',
      '2026-03-09': 'done',
    });
    ids.C = await createHabit({
      name: 'Stretch',
      frequency: 'custom',
      daysOfWeek: [1, 3, 5],
      startDate: '2026-02-16',
    });
    await logAll(ids.C, {
      '2026-02-16': 'done',
      '2026-02-27': 'missed',
      '2026-03-04': 'done',
      '2026-03-06': 'skipped',
    });
    ids.D = await createHabit({ name: 'Meditate', frequency: 'daily', startDate: '2026-03-05' });
    await logAll(ids.D, { '2026-03-05': 'done', '2026-03-06': 'done' });
    ids.E = await createHabit({ name: 'Journal', frequency: 'daily', startDate: '2026-03-09' });
    await logAll(ids.E, { '2026-03-09': 'done' });
    const paused = await request(t.http)
      .patch(`/api/habits/${ids.E}`)
      .set(me.auth)
      .send({ status: 'paused' });
    must(paused, 200);

    for (const goal of [
      { name: 'Read 10', targetValue: 10, deadline: '2026-03-01', habits: [{ habitId: ids.A }] },
      { name: 'Gym 5', targetValue: 5, habits: [{ habitId: ids.B }] },
      { name: 'Stretch 100', targetValue: 100, habits: [{ habitId: ids.C }] },
    ]) {
      const res = await request(t.http)
        .post('/api/goals')
        .set(me.auth)
        .send({ ...goal, unit: 'times', startDate: '2026-02-01' });
      must(res, 201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the statistics the hand-worked history gives (the base of every figure below)', async () => {
    const res = await get('/api/habits');
    const byName = Object.fromEntries((res.body as { name: string }[]).map((h) => [h.name, h]));
    // A: window 02-25…03-10 minus the pause: 10 expected (02-27 skipped), 8 done.
    expect(byName.Read).toMatchObject({ consistencyScore: 80, currentStreak: 3, status: 'active' });
    // B: past weeks 3/3, 1/3, 2/2, 0/0 (before start) + current min(3, 1): 7 of 9.
    expect(byName.Gym).toMatchObject({
      consistencyScore: 78,
      currentStreak: 1,
      streakUnit: 'week',
    });
    // C: 10 due days, 1 skipped → 9 expected, 2 done; 7 misses.
    expect(byName.Stretch).toMatchObject({ consistencyScore: 22, failureRate: 0.7778 });
    expect(byName.Meditate).toMatchObject({ consistencyScore: 40, status: 'at_risk' });
    expect(byName.Journal).toMatchObject({ consistencyScore: 100, status: 'paused' });
  });

  describe('GET /api/analytics/dashboard', () => {
    it('sums up habits, today, completion rates, streaks, consistency and goals', async () => {
      const res = await get('/api/analytics/dashboard');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        today: '2026-03-10',
        habitsByStatus: { active: 3, atRisk: 1, paused: 1, archived: 0 },
        // Due today: A (done), B (1 of 3 this week), D; C is not due on Tuesdays, E is paused.
        dueToday: { date: '2026-03-10', due: 3, done: 1, remaining: 2 },
        // Last 7 days (03-04…03-10): 10 done and 5 missed cells → 10/15.
        completionRate7d: 67,
        // Last 30 days (02-09…03-10): 20 done and 18 missed cells → 20/38 = 52.6.
        completionRate30d: 53,
        bestStreaks: [
          { habitId: ids.A, value: 3, unit: 'day' },
          { habitId: ids.B, value: 1, unit: 'week' },
        ],
        // (80 + 78 + 22 + 40 + 100) / 5
        averageConsistency: 64,
        goals: { inProgress: 1, completed: 1, overdue: 1 },
        last7Days: [
          // 03-04: A paused, C done.
          { date: '2026-03-04', done: 1, skipped: 0, missed: 0, pending: 0 },
          // 03-05: A done, B skipped, D done.
          { date: '2026-03-05', done: 2, skipped: 1, missed: 0, pending: 0 },
          // 03-06: A done, C skipped, D done.
          { date: '2026-03-06', done: 2, skipped: 1, missed: 0, pending: 0 },
          // 03-07: A missed, D missed (B's met week leaves it not due).
          { date: '2026-03-07', done: 0, skipped: 0, missed: 2, pending: 0 },
          { date: '2026-03-08', done: 1, skipped: 0, missed: 1, pending: 0 },
          // 03-09: A, B, E done; C, D missed.
          { date: '2026-03-09', done: 3, skipped: 0, missed: 2, pending: 0 },
          // 03-10: A done; B (open week) and D pending; E paused.
          { date: '2026-03-10', done: 1, skipped: 0, missed: 0, pending: 2 },
        ],
      });
    });

    it('answers 401 without a token', async () => {
      const res = await request(t.http).get('/api/analytics/dashboard');
      expect(res.status).toBe(401);
    });

    it('counts nothing for a user without habits', async () => {
      const res = await get('/api/analytics/dashboard', other);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        habitsByStatus: { active: 0, atRisk: 0, paused: 0, archived: 0 },
        dueToday: { due: 0, done: 0, remaining: 0 },
        completionRate7d: null,
        completionRate30d: null,
        bestStreaks: [],
        averageConsistency: null,
        goals: { inProgress: 0, completed: 0, overdue: 0 },
      });
    });
  });

  describe('GET /api/analytics/habits/{id}/heatmap', () => {
    it('gives a daily habit’s days: logs, paused days, a missed unlogged day, before start', async () => {
      const res = await get(`/api/analytics/habits/${ids.A}/heatmap?from=2026-02-24&to=2026-03-10`);
      expect(res.status).toBe(200);
      expect(res.body.map((d: { status: string }) => d.status)).toEqual([
        'not_due', // 02-24, before the start
        'done',
        'done',
        'skipped',
        'done',
        'missed', // 03-01, unlogged due day
        'paused',
        'paused',
        'paused',
        'done',
        'done',
        'missed', // 03-07, logged missed
        'done',
        'done',
        'done', // today
      ]);
      expect(res.body[0]).toEqual({
        date: '2026-02-24',
        status: 'not_due',
        value: null,
        progress: null,
      });
      expect(res.body[14]).toEqual({
        date: '2026-03-10',
        status: 'done',
        value: null,
        progress: null,
      });
    });

    it('gives a weekly habit’s days: not_due in met weeks, missed in a failed week, pending this week', async () => {
      const res = await get(`/api/analytics/habits/${ids.B}/heatmap?from=2026-02-16&to=2026-03-15`);
      expect(res.status).toBe(200);
      const weeks = [0, 7, 14, 21].map((i) =>
        res.body.slice(i, i + 7).map((d: { status: string }) => d.status),
      );
      expect(weeks).toEqual([
        ['done', 'not_due', 'done', 'not_due', 'done', 'not_due', 'not_due'],
        ['missed', 'done', 'missed', 'missed', 'missed', 'missed', 'missed'],
        ['done', 'done', 'not_due', 'skipped', 'not_due', 'not_due', 'not_due'],
        ['done', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending'],
      ]);
    });

    it('defaults to the 365 days ending today', async () => {
      const res = await get(`/api/analytics/habits/${ids.C}/heatmap`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(365);
      expect(res.body[0]).toEqual({
        date: '2025-03-11',
        status: 'not_due',
        value: null,
        progress: null,
      });
      expect(res.body[364]).toEqual({
        date: '2026-03-10',
        status: 'not_due',
        value: null,
        progress: null,
      }); // a Tuesday
      expect(res.body[363]).toEqual({
        date: '2026-03-09',
        status: 'missed',
        value: null,
        progress: null,
      });
    });

    it('takes at most 371 days (400 RANGE_TOO_LONG beyond), from ≤ to, real dates', async () => {
      const ok = await get(`/api/analytics/habits/${ids.C}/heatmap?from=2025-03-05&to=2026-03-10`);
      expect(ok.status).toBe(200);
      expect(ok.body).toHaveLength(371);
      const long = await get(
        `/api/analytics/habits/${ids.C}/heatmap?from=2025-03-04&to=2026-03-10`,
      );
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('RANGE_TOO_LONG');
      const inverted = await get(
        `/api/analytics/habits/${ids.C}/heatmap?from=2026-03-10&to=2026-03-01`,
      );
      expect(inverted.status).toBe(400);
      expect(inverted.body.code).toBe('INVALID_RANGE');
      const bad = await get(`/api/analytics/habits/${ids.C}/heatmap?from=2026-02-30`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details.fields[0].path).toBe('from');
    });

    it('answers 404 for another user’s habit and 400 for a malformed id', async () => {
      const theirs = await get(`/api/analytics/habits/${ids.A}/heatmap`, other);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('HABIT_NOT_FOUND');
      const malformed = await get('/api/analytics/habits/not-a-uuid/heatmap');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('INVALID_ID');
    });
  });

  describe('GET /api/analytics/heatmap (all habits)', () => {
    it('counts the habits per status and day, judging weeks with logs after `to`', async () => {
      const res = await get('/api/analytics/heatmap?from=2026-02-23&to=2026-03-04');
      expect(res.status).toBe(200);
      const row = (date: string, done: number, skipped: number, missed: number) => ({
        date,
        done,
        skipped,
        missed,
        pending: 0,
      });
      expect(res.body).toEqual([
        row('2026-02-23', 0, 0, 2), // B (failed week), C
        row('2026-02-24', 1, 0, 0), // B
        row('2026-02-25', 1, 0, 2), // A done; B, C missed
        row('2026-02-26', 1, 0, 1), // A done; B missed
        row('2026-02-27', 0, 1, 2), // A skipped; B, C missed
        row('2026-02-28', 1, 0, 1), // A done; B missed
        row('2026-03-01', 0, 0, 2), // A, B missed
        row('2026-03-02', 1, 0, 1), // A paused; B done; C missed
        row('2026-03-03', 1, 0, 0), // B done
        // A paused; C done; B not due: its week is met thanks to the skip on 03-05, after `to`.
        row('2026-03-04', 1, 0, 0),
      ]);
    });

    it('defaults to 365 days and refuses more than 371', async () => {
      const res = await get('/api/analytics/heatmap');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(365);
      expect(res.body[364]).toEqual({
        date: '2026-03-10',
        done: 1,
        skipped: 0,
        missed: 0,
        pending: 2,
      });
      const long = await get('/api/analytics/heatmap?from=2025-01-01&to=2026-03-10');
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('RANGE_TOO_LONG');
    });
  });

  describe('GET /api/analytics/habits/{id}/weekly and /monthly', () => {
    it('gives a weekly habit’s done vs quota per ISO week (the current week as far as done)', async () => {
      const res = await get(`/api/analytics/habits/${ids.B}/weekly?weeks=4`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { periodStart: '2026-02-16', done: 3, expected: 3, rate: 100 },
        { periodStart: '2026-02-23', done: 1, expected: 3, rate: 33 },
        { periodStart: '2026-03-02', done: 2, expected: 2, rate: 100 }, // a skip lowered the quota
        { periodStart: '2026-03-09', done: 1, expected: 1, rate: 100 },
      ]);
    });

    it('gives a daily habit’s done vs due days per week, paused days left out', async () => {
      const res = await get(`/api/analytics/habits/${ids.A}/weekly?weeks=3`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        // 02-25…03-01: 3 done, 02-27 skipped, 03-01 missed.
        { periodStart: '2026-02-23', done: 3, expected: 4, rate: 75 },
        // 03-02…03-04 paused; 05, 06, 08 done, 07 missed.
        { periodStart: '2026-03-02', done: 3, expected: 4, rate: 75 },
        { periodStart: '2026-03-09', done: 2, expected: 2, rate: 100 },
      ]);
    });

    it('defaults to 12 weeks; 1–53 only', async () => {
      const res = await get(`/api/analytics/habits/${ids.B}/weekly`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(12);
      expect(res.body[0]).toEqual({ periodStart: '2025-12-22', done: 0, expected: 0, rate: null });
      expect((await get(`/api/analytics/habits/${ids.B}/weekly?weeks=53`)).body).toHaveLength(53);
      for (const weeks of ['0', '54', 'abc', '1.5']) {
        const bad = await get(`/api/analytics/habits/${ids.B}/weekly?weeks=${weeks}`);
        expect(bad.status).toBe(400);
        expect(bad.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('counts a week in the month holding its first counted day', async () => {
      const res = await get(`/api/analytics/habits/${ids.B}/monthly?months=2`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        // Weeks of 02-16 (3/3) and 02-23 (1/3, it ends on 03-01).
        { periodStart: '2026-02-01', done: 4, expected: 6, rate: 67 },
        // Weeks of 03-02 (2/2) and the current one (1 done).
        { periodStart: '2026-03-01', done: 3, expected: 3, rate: 100 },
      ]);
    });

    it('gives a custom habit’s due days per month', async () => {
      const res = await get(`/api/analytics/habits/${ids.C}/monthly?months=2`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        // Feb: 16 done; 18, 20, 23, 25, 27 missed.
        { periodStart: '2026-02-01', done: 1, expected: 6, rate: 17 },
        // Mar: 02 missed, 04 done, 06 skipped, 09 missed.
        { periodStart: '2026-03-01', done: 1, expected: 3, rate: 33 },
      ]);
    });

    it('defaults to 6 months; 1–24 only', async () => {
      const res = await get(`/api/analytics/habits/${ids.C}/monthly`);
      expect(res.status).toBe(200);
      expect(res.body.map((m: { periodStart: string }) => m.periodStart)).toEqual([
        '2025-10-01',
        '2025-11-01',
        '2025-12-01',
        '2026-01-01',
        '2026-02-01',
        '2026-03-01',
      ]);
      const bad = await get(`/api/analytics/habits/${ids.C}/monthly?months=25`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /api/analytics/habits/{id}/consistency-trend', () => {
    it('gives a daily habit’s consistency as of each day', async () => {
      const res = await get(`/api/analytics/habits/${ids.A}/consistency-trend?days=5`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        // As of 03-06: 02-25, 26, 28, 03-05, 06 done, 03-01 missed → 5/6.
        { date: '2026-03-06', consistency: 83 },
        { date: '2026-03-07', consistency: 71 }, // + 03-07 missed: 5/7
        { date: '2026-03-08', consistency: 75 }, // 6/8
        { date: '2026-03-09', consistency: 78 }, // 7/9
        { date: '2026-03-10', consistency: 80 }, // 8/10
      ]);
    });

    it('is null before the start and ignores each day’s own pending "today"', async () => {
      const res = await get(`/api/analytics/habits/${ids.D}/consistency-trend?days=7`);
      expect(res.status).toBe(200);
      expect(res.body.map((p: { consistency: number | null }) => p.consistency)).toEqual([
        null, // 03-04, before the start
        100, // 03-05: 1/1
        100, // 03-06: 2/2
        100, // 03-07: unlogged, but it is that day's today (pending): still 2/2
        67, // 03-08: 03-07 missed → 2/3
        50, // 03-09: 2/4
        40, // 03-10: 2/5, today pending
      ]);
    });

    it('gives a weekly habit’s 4 past weeks + the current one as of each day', async () => {
      const res = await get(`/api/analytics/habits/${ids.B}/consistency-trend?days=3`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        // Sunday 03-08: past weeks 02-23 (1/3), 02-16 (3/3), two before the start (0/0);
        // current week 03-02 met 2/2 → 6/8.
        { date: '2026-03-08', consistency: 75 },
        // From Monday: 03-02 (2/2), 02-23 (1/3), 02-16 (3/3), 02-09 (0/0) + min(3, 1) → 7/9.
        { date: '2026-03-09', consistency: 78 },
        { date: '2026-03-10', consistency: 78 },
      ]);
    });

    it('defaults to 30 days; 1–371 only', async () => {
      const res = await get(`/api/analytics/habits/${ids.A}/consistency-trend`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(30);
      expect(res.body[0]).toEqual({ date: '2026-02-09', consistency: null });
      const max = await get(`/api/analytics/habits/${ids.A}/consistency-trend?days=371`);
      expect(max.status).toBe(200);
      expect(max.body).toHaveLength(371);
      const bad = await get(`/api/analytics/habits/${ids.A}/consistency-trend?days=372`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });
});

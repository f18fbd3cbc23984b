import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * A realistic history logged through the API, with every expected figure worked out by hand
 * from SPEC.md §3. "Now" is Tue 2026-03-10 12:00 in New York (16:00Z, EDT since 03-08), which
 * is already Wed 03-11 05:00 in Auckland (NZDT, UTC+13).
 */
const NOW = '2026-03-10T16:00:00Z';

type Habit = Record<string, unknown> & { id: string };

describe(`write path on a realistic history (${testDb()})`, () => {
  let t: TestApp;
  let ny: SignedUp;
  let akl: SignedUp;
  const h: Record<string, Habit> = {};

  const createHabit = async (who: SignedUp, body: object): Promise<Habit> => {
    const res = await request(t.http).post('/api/habits').set(who.auth).send(body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const log = async (
    who: SignedUp,
    habitId: string,
    logDate: string | undefined,
    status: string,
  ) => {
    const res = await request(t.http)
      .post('/api/habit-logs')
      .set(who.auth)
      .send({ habitId, logDate, status });
    expect([200, 201]).toContain(res.status);
    return res.body;
  };
  const get = async (who: SignedUp, id: string): Promise<Habit> =>
    (await request(t.http).get(`/api/habits/${id}`).set(who.auth)).body;
  const outbox = async (who: SignedUp, type: string) =>
    t.dataSource.query(
      `SELECT seq, payload FROM outbox_events WHERE user_id = $1 AND type = $2 ORDER BY seq`,
      [(who.user as { id: string }).id, type],
    );

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    ny = await signUp(t.http, { timezone: 'America/New_York' });
    akl = await signUp(t.http, { timezone: 'Pacific/Auckland' });

    h.walk = await createHabit(ny, { name: 'Walk', frequency: 'daily', startDate: '2026-03-01' });
    for (const [day, status] of [
      ['01', 'done'],
      ['02', 'done'],
      ['04', 'done'],
      ['05', 'done'],
      ['06', 'skipped'],
      ['07', 'done'],
      ['08', 'done'],
      ['09', 'done'],
    ])
      await log(ny, h.walk.id, `2026-03-${day}`, status);

    h.gym = await createHabit(ny, {
      name: 'Gym',
      frequency: 'weekly',
      timesPerWeek: 3,
      startDate: '2026-02-23',
    });
    for (const [day, status] of [
      ['2026-02-24', 'done'],
      ['2026-02-26', 'done'],
      ['2026-02-28', 'done'],
      ['2026-03-03', 'done'],
      ['2026-03-05', 'skipped'],
      ['2026-03-09', 'done'],
    ])
      await log(ny, h.gym.id, day, status);

    h.stretch = await createHabit(ny, {
      name: 'Stretch',
      frequency: 'custom',
      daysOfWeek: [1, 3, 5],
      startDate: '2026-03-02',
    });
    for (const day of ['02', '06', '07', '09'])
      await log(ny, h.stretch.id, `2026-03-${day}`, 'done');

    h.water = await createHabit(ny, {
      name: 'Water plants',
      frequency: 'custom',
      intervalDays: 2,
      startDate: '2026-03-01',
    });
    for (const day of ['01', '03', '05']) await log(ny, h.water.id, `2026-03-${day}`, 'done');

    h.journal = await createHabit(ny, {
      name: 'Journal',
      frequency: 'daily',
      startDate: '2026-03-03',
      pausePeriods: [{ from: '2026-03-05', to: '2026-03-07' }],
    });
    for (const day of ['03', '04', '08', '09'])
      await log(ny, h.journal.id, `2026-03-${day}`, 'done');

    h.read = await createHabit(akl, { name: 'Read', frequency: 'daily', startDate: '2026-03-08' });
    for (const day of ['08', '09', '10']) await log(akl, h.read.id, `2026-03-${day}`, 'done');
  });
  afterAll(async () => {
    await t?.close(); // also asserts the stored-statistics invariant
  });

  it('daily with a miss, a skip and a pending today (New York, across the DST change)', async () => {
    // Due 03-01…03-10. Back from 03-09: D D D (07–09), 06 skipped (transparent), D D (04–05),
    // 03 missed → current 5; earlier run 01–02 = 2 → longest 5. Window 03-01…03-10 minus the
    // pending today: 9 due days, 1 skipped → expected 8, done 7 → 87.5 → 88 (half-up).
    // Failure 1 missed / (7 + 1) = 0.125. Strength: D D M D D (S) D D D with m = 0.5^(1/13):
    // 30.75 → 31. No miss after the last done → active.
    expect(await get(ny, h.walk.id)).toMatchObject({
      currentStreak: 5,
      longestStreak: 5,
      streakUnit: 'day',
      totalCompletions: 7,
      totalSkips: 1,
      consistencyScore: 88,
      failureRate: 0.125,
      strength: 31,
      consecutiveMisses: 0,
      lastCompletedDate: '2026-03-09',
      status: 'active',
      statsAsOf: '2026-03-10',
      nextDueDate: '2026-03-10',
      dueToday: true,
      todayLog: null,
      week: null,
    });
  });

  it('weekly 3×/week with a skip that lowers a week’s quota', async () => {
    // Weeks: 02-23 (3 done, quota 3: met), 03-02 (1 done, 1 skip: quota ceil(3·7/7) − 1 = 2:
    // failed), 03-09 current (1 done, quota 3: pending). Streak: the failed week breaks it → 0;
    // longest 1. Consistency: past 4 weeks quotas 0, 0, 3, 2 (weeks before the start are
    // neutral) + min(3, 1) = 6 expected; completions 0 + 0 + 3 + 1 + 1 = 5 → 83.33 → 83.
    // Failure: (0 + 1) / (1 + 3 + 1) = 0.2. One failed week after the last met one → 1 miss.
    expect(await get(ny, h.gym.id)).toMatchObject({
      currentStreak: 0,
      longestStreak: 1,
      streakUnit: 'week',
      totalCompletions: 5,
      totalSkips: 1,
      consistencyScore: 83,
      failureRate: 0.2,
      consecutiveMisses: 1,
      status: 'active',
      week: { done: 1, quota: 3 },
      nextDueDate: '2026-03-10',
      dueToday: true,
    });
  });

  it('custom Mon/Wed/Fri with a log on a non-due day', async () => {
    // Due 03-02, 03-04, 03-06, 03-09 (today, Tue, not due). Done 02, 06, 09; 04 missed; the
    // Saturday 03-07 log counts in totals only. Streak 09, 06 → 2; longest 2. Expected 4,
    // done 3 → 75; failure 1/4 = 0.25. Strength over due days D M D D: 14.54 → 15.
    expect(await get(ny, h.stretch.id)).toMatchObject({
      currentStreak: 2,
      longestStreak: 2,
      totalCompletions: 4,
      consistencyScore: 75,
      failureRate: 0.25,
      strength: 15,
      consecutiveMisses: 0,
      status: 'active',
      nextDueDate: '2026-03-11',
      dueToday: false,
    });
  });

  it('every 2 days with two misses in a row is at risk, once', async () => {
    // Due 01, 03, 05, 07, 09 (11 next). Done 01, 03, 05; 07 and 09 missed → current 0,
    // longest 3, 2 consecutive misses → at_risk. Expected 5, done 3 → 60; failure 0.4.
    // Strength D D D M M: 13.29 → 13.
    expect(await get(ny, h.water.id)).toMatchObject({
      currentStreak: 0,
      longestStreak: 3,
      consistencyScore: 60,
      failureRate: 0.4,
      strength: 13,
      consecutiveMisses: 2,
      status: 'at_risk',
      nextDueDate: '2026-03-11',
    });
    const alerts = await outbox(ny, 'habit_at_risk');
    expect(
      alerts.filter(
        (a: { payload: { habit: { id: string } } }) => a.payload.habit.id === h.water.id,
      ),
    ).toHaveLength(1);
  });

  it('a closed pause protects the streak and leaves the scores unchanged', async () => {
    // Due 03, 04, (05–07 paused), 08, 09, 10 pending: all 4 done → streak 4, consistency 100,
    // failure 0. Strength only moves on due days: D D D D → 19.21 → 19.
    expect(await get(ny, h.journal.id)).toMatchObject({
      currentStreak: 4,
      longestStreak: 4,
      consistencyScore: 100,
      failureRate: 0,
      strength: 19,
      consecutiveMisses: 0,
      status: 'active',
      pausePeriods: [{ from: '2026-03-05', to: '2026-03-07' }],
    });
  });

  it('Auckland: today is already 03-11, so a log without a date lands there', async () => {
    // 08, 09, 10 done and 11 pending → 3; logging today makes it 4.
    expect(await get(akl, h.read.id)).toMatchObject({
      currentStreak: 3,
      statsAsOf: '2026-03-11',
      dueToday: true,
    });
    const logged = await log(akl, h.read.id, undefined, 'done');
    expect(logged.log.logDate).toBe('2026-03-11');
    expect(logged.habit).toMatchObject({
      currentStreak: 4,
      longestStreak: 4,
      consistencyScore: 100,
      strength: 19,
    });
  });

  it('a schedule edit takes effect today and leaves past statistics unchanged', async () => {
    const before = await get(ny, h.walk.id);
    const edited = await request(t.http)
      .patch(`/api/habits/${h.walk.id}`)
      .set(ny.auth)
      .send({ frequency: 'custom', daysOfWeek: [2, 4] });
    expect(edited.status).toBe(200);
    // Tue/Thu from today (a Tuesday, so still due); the past stays judged as daily.
    for (const key of [
      'currentStreak',
      'longestStreak',
      'consistencyScore',
      'failureRate',
      'strength',
      'consecutiveMisses',
      'totalCompletions',
    ]) {
      expect(edited.body[key]).toEqual(before[key]);
    }
    expect(edited.body).toMatchObject({
      frequency: 'custom',
      daysOfWeek: [2, 4],
      dueToday: true,
      nextDueDate: '2026-03-10',
    });
  });

  it('a goal over existing done logs shows them at once; lowering the target completes it once', async () => {
    // Walk done on/after 03-01: 7 × 1; Gym done on/after 03-01: 03-03 and 03-09 = 2 × 2 → 11.
    const goal = await request(t.http)
      .post('/api/goals')
      .set(ny.auth)
      .send({
        name: 'Fitness',
        targetValue: 20,
        unit: 'sessions',
        startDate: '2026-03-01',
        habits: [{ habitId: h.walk.id }, { habitId: h.gym.id, contributionWeight: 2 }],
      });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({ currentValue: 11, isCompleted: false, completedAt: null });

    const lowered = await request(t.http)
      .patch(`/api/goals/${goal.body.id}`)
      .set(ny.auth)
      .send({ targetValue: 11 });
    expect(lowered.body).toMatchObject({
      currentValue: 11,
      isCompleted: true,
      completedAt: '2026-03-10T16:00:00.000Z',
    });
    const again = await request(t.http)
      .patch(`/api/goals/${goal.body.id}`)
      .set(ny.auth)
      .send({ name: 'Fitness!' });
    expect(again.body.isCompleted).toBe(true);
    const completed = (await outbox(ny, 'goal_completed')).filter(
      (e: { payload: { goal: { id: string } } }) => e.payload.goal.id === goal.body.id,
    );
    expect(completed).toHaveLength(1);

    // Undoing a counted log drops it below the target; logging again completes it again.
    const gymLogs = await request(t.http)
      .get(`/api/habit-logs/habit/${h.gym.id}?from=2026-03-09&to=2026-03-09`)
      .set(ny.auth);
    await request(t.http).delete(`/api/habit-logs/${gymLogs.body[0].id}`).set(ny.auth).expect(200);
    expect(
      (await request(t.http).get(`/api/goals/${goal.body.id}`).set(ny.auth)).body,
    ).toMatchObject({ currentValue: 9, isCompleted: false });
    await log(ny, h.gym.id, '2026-03-09', 'done');
    expect(
      (await request(t.http).get(`/api/goals/${goal.body.id}`).set(ny.auth)).body,
    ).toMatchObject({ currentValue: 11, isCompleted: true });
    expect(
      (await outbox(ny, 'goal_completed')).filter(
        (e: { payload: { goal: { id: string } } }) => e.payload.goal.id === goal.body.id,
      ),
    ).toHaveLength(2);
  });

  it('the New York day follows the wall clock across the DST change', async () => {
    const probe = await createHabit(ny, {
      name: 'Probe',
      frequency: 'daily',
      startDate: '2026-03-01',
    });
    const at = async (instant: string) => {
      t.clock.set(instant);
      await relogin(t, ny);
      return (await log(ny, probe.id, undefined, 'done')).log.logDate;
    };
    expect(await at('2026-03-08T04:30:00Z')).toBe('2026-03-07'); // 23:30 EST
    expect(await at('2026-03-08T05:30:00Z')).toBe('2026-03-08'); // 00:30 EST, before the 02:00 jump
    expect(await at('2026-03-09T03:30:00Z')).toBe('2026-03-08'); // 23:30 EDT (UTC−4 now)
    expect(await at('2026-03-09T04:30:00Z')).toBe('2026-03-09'); // 00:30 EDT
    t.clock.set(NOW);
    await relogin(t, ny);
  });

  it('a read on a later day recomputes first: two new misses turn Journal at risk, with one alert', async () => {
    // Thu 03-12 12:00 EDT: Journal's 03-10 and 03-11 went unlogged → 2 misses → at_risk.
    t.clock.set('2026-03-12T16:00:00Z');
    await relogin(t, ny);
    const listed = await request(t.http).get('/api/habits').set(ny.auth);
    const journal = listed.body.find((x: Habit) => x.id === h.journal.id);
    expect(journal).toMatchObject({
      statsAsOf: '2026-03-12',
      consecutiveMisses: 2,
      status: 'at_risk',
      currentStreak: 0,
      longestStreak: 4,
    });
    expect(listed.body.every((x: Habit) => x.statsAsOf === '2026-03-12')).toBe(true);
    await request(t.http).get('/api/habits').set(ny.auth).expect(200);
    // (Creating Journal backdated with no logs yet alerted once on 03-10 already; per day, once.)
    const alerts = (await outbox(ny, 'habit_at_risk')).filter(
      (a: { payload: { habit: { id: string; statsAsOf: string } } }) =>
        a.payload.habit.id === h.journal.id && a.payload.habit.statsAsOf === '2026-03-12',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].payload.consecutiveMisses).toBe(2);

    // A done for today restores it (the latest done is now after the misses).
    const restored = await log(ny, h.journal.id, undefined, 'done');
    expect(restored.habit).toMatchObject({
      status: 'active',
      consecutiveMisses: 0,
      currentStreak: 1,
    });
  });
});

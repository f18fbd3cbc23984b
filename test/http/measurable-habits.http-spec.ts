import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// SPEC.md §6 "Measurable habits", end to end: one habit of each target period (day, ISO week,
// calendar month) and each target type (at_least, at_most) over a month of logs, every figure
// worked out by hand below (never by the engine). The user is in UTC; today is Tuesday
// 2026-03-31. March 2026 starts on a Sunday: its ISO weeks are W9 (Mon 23 Feb – Sun 1 Mar),
// W10 (2–8), W11 (9–15), W12 (16–22), W13 (23–29) and the current W14 (30 Mar – 5 Apr).
//
// Strength (Loop's numerical form): score = previous × m + v × (1 − m), m = 0.5^(√f / 13);
// the expected integers were computed by stepping that formula day by day (a short Python
// loop, independent of the code under test) and are quoted with their unrounded value.
const NOW = '2026-03-31T12:00:00Z';

const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}`;
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(`measurable habits (${testDb()})`, () => {
  let t: TestApp;
  let u: SignedUp;
  const ids: Record<string, string> = {};

  const post = (path: string, body: object, who: SignedUp = u) =>
    request(t.http).post(path).set(who.auth).send(body);
  const get = (path: string, who: SignedUp = u) => request(t.http).get(path).set(who.auth);
  const logValue = async (habitId: string, logDate: string, value: number) => {
    const res = await post('/api/habit-logs', { habitId, logDate, value });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`log ${logDate} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  const skip = async (habitId: string, logDate: string) => {
    const res = await post('/api/habit-logs', { habitId, logDate, status: 'skipped' });
    expect(res.status).toBe(201);
  };
  const create = async (body: object) => {
    const res = await post('/api/habits', body);
    if (res.status !== 201)
      throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    u = await signUp(t.http, { timezone: 'UTC' });

    // A — "at least 8 glasses a day", daily from 1 March: 8 on 1–20, 5 on 21, 22 skipped,
    // 10 on 23–29, 3 on 30, 4 so far today.
    ids.A = await create({
      name: 'Water',
      frequency: 'daily',
      startDate: march(1),
      kind: 'measure',
      unit: 'glasses',
      target: { type: 'at_least', value: 8, period: 'day' },
    });
    for (const day of range(1, 20)) await logValue(ids.A, march(day), 8);
    await logValue(ids.A, march(21), 5);
    await skip(ids.A, march(22));
    for (const day of range(23, 29)) await logValue(ids.A, march(day), 10);
    await logValue(ids.A, march(30), 3);
    await logValue(ids.A, march(31), 4);

    // B — "at most 2 coffees a day", daily from 1 March; an unlogged day counts 0 (met once
    // past): 3 on 5th, 2 on 10th, then 4, 3, 5, 3, 2.5 on 26–30, 1 so far today.
    ids.B = await create({
      name: 'Coffee',
      frequency: 'daily',
      startDate: march(1),
      kind: 'measure',
      unit: 'coffees',
      target: { type: 'at_most', value: 2, period: 'day' },
    });
    for (const [day, value] of [
      [5, 3],
      [10, 2],
      [26, 4],
      [27, 3],
      [28, 5],
      [29, 3],
      [30, 2.5],
      [31, 1],
    ])
      await logValue(ids.B, march(day), value);

    // C — "at least 20 km a week", daily from 1 March, 17 March skipped.
    ids.C = await create({
      name: 'Run',
      frequency: 'daily',
      startDate: march(1),
      kind: 'measure',
      unit: 'km',
      target: { type: 'at_least', value: 20, period: 'week' },
    });
    for (const [day, value] of [
      [1, 3],
      [2, 5],
      [4, 5],
      [6, 6],
      [8, 5],
      [10, 10],
      [12, 5],
      [16, 8],
      [19, 7],
      [21, 4],
      [23, 12],
      [25, 12.5],
      [30, 7.25],
      [31, 0.5],
    ])
      await logValue(ids.C, march(day), value);
    await skip(ids.C, march(17));

    // D — "at most 10 hours a week" (TV), daily from 1 March.
    ids.D = await create({
      name: 'TV',
      frequency: 'daily',
      startDate: march(1),
      kind: 'measure',
      unit: 'hours',
      target: { type: 'at_most', value: 10, period: 'week' },
    });
    for (const [day, value] of [
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 3],
      [9, 6],
      [10, 6],
      [16, 11],
      [23, 4],
      [30, 10.5],
    ])
      await logValue(ids.D, march(day), value);

    // E — "at least 100 pages a month", daily from 15 January.
    ids.E = await create({
      name: 'Read',
      frequency: 'daily',
      startDate: '2026-01-15',
      kind: 'measure',
      unit: 'pages',
      target: { type: 'at_least', value: 100, period: 'month' },
    });
    for (const [date, value] of [
      ['2026-01-20', 30],
      ['2026-01-28', 30],
      ['2026-02-10', 40],
      ['2026-02-20', 40],
      ['2026-03-05', 50],
      ['2026-03-15', 30],
      ['2026-03-31', 25],
    ] as const)
      await logValue(ids.E, date, value);

    // F — "at most 50 € a month" (snacks), daily from 1 February, paused 10–12 March (its 100
    // logged on the 11th is on a paused day: it does not count, and the target is prorated).
    ids.F = await create({
      name: 'Snacks',
      frequency: 'daily',
      startDate: '2026-02-01',
      kind: 'measure',
      unit: '€',
      target: { type: 'at_most', value: 50, period: 'month' },
      pausePeriods: [{ from: march(10), to: march(12) }],
    });
    for (const [date, value] of [
      ['2026-02-03', 20],
      ['2026-02-17', 20],
      [march(2), 30],
      [march(11), 100],
      [march(20), 25],
    ] as const)
      await logValue(ids.F, date, value);
  });
  afterAll(async () => {
    await t?.close();
  });

  const habit = async (key: string) => (await get(`/api/habits/${ids[key]}`)).body;

  it('day, at least: 8 glasses a day', async () => {
    // Due days 1–31: met 1–20 (20) and 23–29 (7); failed 21 (5 < 8) and 30 (3 < 8); 22 skipped
    // (neutral); today pending (4 < 8 so far).
    // currentStreak: the failed 30th broke the run, today is pending → 0. longest: 1–20 = 20.
    // consecutiveMisses: failed past days after the latest met (29th): the 30th → 1 (active).
    // Consistency window 2–31 (30 days): met 19 + 7 = 26, failed 2 → 100 × 26/28 = 92.86 → 93;
    // failure rate 2/28 = 0.07142… → 0.0714. Completions: 27 met days, last on the 29th.
    // Strength (f = 1, from 0; v = min(1, S/8): 1 on met days, 5/8 on the 21st, 3/8 on the 30th;
    // skipped and pending days leave it) = 74.18 → 74.
    expect(await habit('A')).toMatchObject({
      kind: 'measure',
      unit: 'glasses',
      target: { type: 'at_least', value: 8, period: 'day' },
      streakUnit: 'day',
      currentStreak: 0,
      longestStreak: 20,
      consecutiveMisses: 1,
      status: 'active',
      consistencyScore: 93,
      failureRate: 0.0714,
      totalCompletions: 27,
      totalSkips: 1,
      lastCompletedDate: march(29),
      strength: 74,
      period: { start: march(31), end: march(31), total: 4, target: 8, outcome: 'pending' },
      todayLog: { status: 'done', value: 4 },
    });
  });

  it('day, at most: 2 coffees a day (at risk after five days over)', async () => {
    // Unlogged past days count 0 → met. Met: 1–4, 6–25 (the 10th's 2 ≤ 2) = 24; failed: 5th
    // and 26–30 (4, 3, 5, 3, 2.5 > 2); today pending (1 ≤ 2 so far).
    // currentStreak 0; longest: 6–25 = 20; consecutiveMisses 26–30 = 5 → at_risk.
    // Window 2–31: met 3 + 20 = 23, failed 6 → 100 × 23/29 = 79.31 → 79; 6/29 = 0.2068… → 0.2069.
    // Strength (f = 1, from 1; v = clamp(1 − (S − 2)/2, 0, 1): 1 at S ≤ 2, 0.5 at 3, 0 at 4
    // and 5, 0.75 at 2.5) = 84.48 → 84.
    expect(await habit('B')).toMatchObject({
      target: { type: 'at_most', value: 2, period: 'day' },
      streakUnit: 'day',
      currentStreak: 0,
      longestStreak: 20,
      consecutiveMisses: 5,
      status: 'at_risk',
      consistencyScore: 79,
      failureRate: 0.2069,
      totalCompletions: 24,
      lastCompletedDate: march(25),
      strength: 84,
      period: { start: march(31), end: march(31), total: 1, target: 2, outcome: 'pending' },
    });
  });

  it('week, at least: 20 km a week, prorated by the start date and a skip', async () => {
    // W9: only 1 March counts (a = 1 of 7): target ⌈20 × 1/7⌉ to 3 decimals = 2.858; 3 → met.
    // W10: 5 + 5 + 6 + 5 = 21 → met. W11: 10 + 5 = 15 → failed. W12: 17th skipped (a = 6):
    // ⌈20 × 6/7⌉ = 17.143; 8 + 7 + 4 = 19 → met. W13: 12 + 12.5 = 24.5 → met.
    // W14 (current): 7.25 + 0.5 = 7.75 of 20 → pending.
    // currentStreak: W12, W13 = 2; longest 2; no miss after W13.
    // Consistency: W10–W13 (the current one only once met): 3 met of 4 → 75; failure 0.25.
    // Completions: W9, W10, W12, W13 = 4, the last met on 25 March (24 ≥ 20 that day).
    // Strength (f = 1/7 every day but the skip, S = the last 7 days, v = min(1, S/20)) = 39.94 → 40.
    expect(await habit('C')).toMatchObject({
      streakUnit: 'week',
      currentStreak: 2,
      longestStreak: 2,
      consecutiveMisses: 0,
      status: 'active',
      consistencyScore: 75,
      failureRate: 0.25,
      totalCompletions: 4,
      totalSkips: 1,
      lastCompletedDate: march(25),
      strength: 40,
      period: { start: march(30), end: '2026-04-05', total: 7.75, target: 20, outcome: 'pending' },
    });
  });

  it('week, at most: 10 hours a week; the current week fails as soon as it is over', async () => {
    // W9: a = 1: ⌊10 × 1/7⌋ = 1.428; 1 → met. W10: 9 → met. W11: 12 → failed. W12: 11 →
    // failed. W13: 4 → met. W14 (current): 10.5 > 10 → failed already.
    // currentStreak 0 (the current week failed); longest 2; consecutiveMisses: the current
    // week is not past → 0. Consistency W10–W13: 2 of 4 → 50, failure 0.5 (the failed current
    // week is not counted). Completions W9, W10, W13 = 3, the last dated its Sunday, 29 March.
    // Strength (f = 1/7 from 1, S = last 7 days, v = clamp(1 − (S − 10)/10, 0, 1)) = 95.52 → 96.
    expect(await habit('D')).toMatchObject({
      streakUnit: 'week',
      currentStreak: 0,
      longestStreak: 2,
      consecutiveMisses: 0,
      status: 'active',
      consistencyScore: 50,
      failureRate: 0.5,
      totalCompletions: 3,
      lastCompletedDate: march(29),
      strength: 96,
      period: { start: march(30), end: '2026-04-05', total: 10.5, target: 10, outcome: 'failed' },
    });
  });

  it('month, at least: 100 pages a month from mid-January', async () => {
    // January from the 15th: a = 17 of 31: ⌈100 × 17/31⌉ = 54.839; 30 + 30 = 60 → met (on the
    // 28th). February: 80 → failed. March (current): 50 + 30 + 25 = 105 → met today.
    // currentStreak 1, longest 1, misses 0. Consistency: December (before the start: neutral),
    // January met, February failed, March met → 2/3 = 66.7 → 67; failure 1/3 → 0.3333.
    // Strength (f = 1/30 every day from 15 January, S = the last 30 days, v = min(1, S/100))
    // = 41.16 → 41.
    expect(await habit('E')).toMatchObject({
      streakUnit: 'month',
      currentStreak: 1,
      longestStreak: 1,
      consecutiveMisses: 0,
      consistencyScore: 67,
      failureRate: 0.3333,
      totalCompletions: 2,
      lastCompletedDate: march(31),
      strength: 41,
      period: { start: march(1), end: march(31), total: 105, target: 100, outcome: 'met' },
    });
  });

  it('month, at most: 50 € a month, prorated by a pause whose log does not count', async () => {
    // February: 40 ≤ 50 → met. March: paused 10–12 → a = 28 of 31: ⌊50 × 28/31⌋ = 45.161;
    // total 30 + 25 = 55 (the 100 on the paused 11th does not count) → failed already.
    // currentStreak 0, longest 1, misses 0 (March is not past). Consistency: Nov–Jan before
    // the start, February met, March failed but current → 1/1 = 100, failure 0.
    // Completions: February, dated its last day. Strength (f = 1/30 from 1, paused days left
    // out) = 97.99 → 98.
    expect(await habit('F')).toMatchObject({
      streakUnit: 'month',
      currentStreak: 0,
      longestStreak: 1,
      consecutiveMisses: 0,
      consistencyScore: 100,
      failureRate: 0,
      totalCompletions: 1,
      lastCompletedDate: '2026-02-28',
      strength: 98,
      period: { start: march(1), end: march(31), total: 55, target: 45.161, outcome: 'failed' },
    });
  });

  it('goals sum values (count: value) or count met periods (count: completions)', async () => {
    // Run 100 km: C's values from 1 March: 3 + 21 + 15 + 19 + 24.5 + 7.75 = 90.25.
    const km = await post('/api/goals', {
      name: 'Run 100 km',
      targetValue: 100,
      unit: 'km',
      startDate: march(1),
      habits: [{ habitId: ids.C, count: 'value' }],
    });
    expect(km.status).toBe(201);
    expect(km.body).toMatchObject({ currentValue: 90.25, isCompleted: false });
    expect(km.body.habits).toEqual([{ habitId: ids.C, contributionWeight: 1, count: 'value' }]);

    // A's met days from 15 March: 15–20 (6) and 23–29 (7) = 13 ≥ 10 → completed.
    const days = await post('/api/goals', {
      name: 'Hydrated days',
      targetValue: 10,
      unit: 'days',
      startDate: march(15),
      habits: [{ habitId: ids.A }],
    });
    expect(days.body).toMatchObject({ currentValue: 13, isCompleted: true });

    // 10 base + 0.5 × E's pages from 1 February (40 + 40 + 50 + 30 + 25 = 185) = 102.5.
    const pages = await post('/api/goals', {
      name: 'Pages',
      targetValue: 200,
      unit: 'pages',
      startDate: '2026-02-01',
      baseValue: 10,
      habits: [{ habitId: ids.E, count: 'value', contributionWeight: 0.5 }],
    });
    expect(pages.body).toMatchObject({ currentValue: 102.5, isCompleted: false });

    // C's met weeks from 1 March, each dated the day it was met: 1, 8, 21, 25 March = 4.
    const weeks = await post('/api/goals', {
      name: 'Good weeks',
      targetValue: 10,
      unit: 'weeks',
      startDate: march(1),
      habits: [{ habitId: ids.C }],
    });
    expect(weeks.body).toMatchObject({ currentValue: 4 });

    // Adding 9.75 km today completes the first: 90.25 + 9.75 = 100.
    const added = await post('/api/habit-logs', { habitId: ids.C, add: 9.75 });
    expect(added.status).toBe(200);
    expect(added.body.log.value).toBe(10.25); // 0.5 + 9.75
    const after = await get(`/api/goals/${km.body.id}`);
    expect(after.body).toMatchObject({ currentValue: 100, isCompleted: true });

    // A check habit cannot count values.
    const check = await create({ name: 'Stretch', frequency: 'daily' });
    const refused = await post('/api/goals', {
      name: 'Nope',
      targetValue: 1,
      unit: 'x',
      habits: [{ habitId: check, count: 'value' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('GOAL_COUNT_NEEDS_MEASURE');
  });

  it('heatmap cells carry the day’s value and its period’s progress', async () => {
    const a = await get(`/api/analytics/habits/${ids.A}/heatmap?from=${march(21)}&to=${march(31)}`);
    expect(a.status).toBe(200);
    expect(a.body[0]).toEqual({ date: march(21), status: 'missed', value: 5, progress: 0.625 });
    expect(a.body[1]).toEqual({ date: march(22), status: 'skipped', value: null, progress: null });
    expect(a.body[2]).toEqual({ date: march(23), status: 'done', value: 10, progress: 1 });
    expect(a.body[10]).toEqual({ date: march(31), status: 'pending', value: 4, progress: 0.5 });

    // A day of C's failed W11 (15 of 20): its week's progress, logged or not.
    const c = await get(`/api/analytics/habits/${ids.C}/heatmap?from=${march(10)}&to=${march(11)}`);
    expect(c.body).toEqual([
      { date: march(10), status: 'missed', value: 10, progress: 0.75 },
      { date: march(11), status: 'missed', value: null, progress: 0.75 },
    ]);

    const f = await get(`/api/analytics/habits/${ids.F}/heatmap?from=${march(11)}&to=${march(11)}`);
    expect(f.body).toEqual([{ date: march(11), status: 'paused', value: 100, progress: null }]);
  });

  it('charts a habit’s totals per period against its target', async () => {
    const res = await get(`/api/analytics/habits/${ids.D}/values?from=${march(1)}&to=${march(31)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { start: '2026-02-23', end: march(1), total: 1, target: 1.428, outcome: 'met' },
      { start: march(2), end: march(8), total: 9, target: 10, outcome: 'met' },
      { start: march(9), end: march(15), total: 12, target: 10, outcome: 'failed' },
      { start: march(16), end: march(22), total: 11, target: 10, outcome: 'failed' },
      { start: march(23), end: march(29), total: 4, target: 10, outcome: 'met' },
      { start: march(30), end: '2026-04-05', total: 10.5, target: 10, outcome: 'failed' },
    ]);
    const check = await create({ name: 'Floss', frequency: 'daily' });
    const refused = await get(`/api/analytics/habits/${check}/values`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('HABIT_NOT_MEASURABLE');
  });

  it('adds exactly: 0.1 + 0.2 is 0.3, and a value replaces the day', async () => {
    const id = await create({
      name: 'Tea',
      frequency: 'daily',
      kind: 'measure',
      unit: 'l',
      target: { type: 'at_least', value: 1.5, period: 'day' },
    });
    expect((await post('/api/habit-logs', { habitId: id, add: 0.1 })).status).toBe(201);
    const second = await post('/api/habit-logs', { habitId: id, add: 0.2 });
    expect(second.status).toBe(200);
    expect(second.body.log.value).toBe(0.3);
    expect(second.body.habit.period).toMatchObject({ total: 0.3, target: 1.5 });
    const replaced = await post('/api/habit-logs', { habitId: id, value: 1.505 });
    expect(replaced.body.log).toMatchObject({ status: 'done', value: 1.505 });
    expect(replaced.body.habit.period.outcome).toBe('met');
    const listed = await get(`/api/habit-logs/habit/${id}`);
    expect(listed.body.map((l: { value: number }) => l.value)).toEqual([1.505]);
    // A skip clears the value; an add after it counts from 0.
    const skipped = await post('/api/habit-logs', { habitId: id, status: 'skipped' });
    expect(skipped.body.log).toMatchObject({ status: 'skipped', value: null });
    const again = await post('/api/habit-logs', { habitId: id, add: 0.25 });
    expect(again.body.log).toMatchObject({ status: 'done', value: 0.25 });
  });

  it('refuses what SPEC §6 refuses, with 400 and nothing written', async () => {
    const measure = { kind: 'measure', unit: 'km' };
    const cases: [object, string][] = [
      [
        {
          ...measure,
          frequency: 'weekly',
          timesPerWeek: 3,
          target: { type: 'at_least', value: 5, period: 'week' },
        },
        'MEASURE_WEEKLY_NOT_ALLOWED',
      ],
      [
        {
          ...measure,
          frequency: 'custom',
          daysOfWeek: [1, 3],
          target: { type: 'at_least', value: 5, period: 'week' },
        },
        'TARGET_PERIOD_NEEDS_DAILY',
      ],
      [{ ...measure, frequency: 'daily' }, 'TARGET_INVALID'],
      [
        {
          kind: 'measure',
          frequency: 'daily',
          target: { type: 'at_least', value: 5, period: 'day' },
        },
        'UNIT_INVALID',
      ],
      [
        { ...measure, frequency: 'daily', target: { type: 'at_least', value: 0, period: 'day' } },
        'TARGET_VALUE_INVALID',
      ],
      [{ frequency: 'daily', unit: 'km' }, 'UNIT_NOT_ALLOWED'],
    ];
    const before = (await get('/api/habits')).body.length;
    for (const [body, code] of cases) {
      const res = await post('/api/habits', { name: 'Bad', ...body });
      expect({ code: res.body.code, status: res.status }).toEqual({ code, status: 400 });
    }
    expect((await get('/api/habits')).body.length).toBe(before);

    // at_most may be 0 ("no sugar"), and a custom schedule takes a day target.
    const none = await post('/api/habits', {
      name: 'Sugar',
      frequency: 'custom',
      daysOfWeek: [1, 2, 3, 4, 5],
      ...measure,
      unit: 'g',
      target: { type: 'at_most', value: 0, period: 'day' },
    });
    expect(none.status).toBe(201);
    // A measurable habit cannot become weekly.
    const weekly = await request(t.http)
      .patch(`/api/habits/${ids.C}`)
      .set(u.auth)
      .send({ frequency: 'weekly', timesPerWeek: 3 });
    expect(weekly.status).toBe(400);
    expect(weekly.body.code).toBe('MEASURE_WEEKLY_NOT_ALLOWED');
    // A habit with logs keeps its kind.
    const kind = await request(t.http)
      .patch(`/api/habits/${ids.A}`)
      .set(u.auth)
      .send({ kind: 'check' });
    expect(kind.status).toBe(422);
    expect(kind.body.code).toBe('HABIT_KIND_LOCKED');

    const check = await create({ name: 'Walk', frequency: 'daily' });
    const valueOnCheck = await post('/api/habit-logs', { habitId: check, value: 3 });
    expect(valueOnCheck.status).toBe(400);
    expect(valueOnCheck.body.code).toBe('LOG_VALUE_NOT_ALLOWED');
    for (const status of ['done', 'missed']) {
      const res = await post('/api/habit-logs', { habitId: ids.A, status });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('LOG_STATUS_NOT_ALLOWED');
    }
    for (const [body, code] of [
      [{ value: 1.0001 }, 'LOG_VALUE_INVALID'],
      [{ value: -1 }, 'LOG_VALUE_INVALID'],
      [{ add: 0 }, 'LOG_ADD_INVALID'],
      [{ value: 1, add: 1 }, 'LOG_VALUE_CONFLICT'],
      [{}, 'LOG_VALUE_REQUIRED'],
    ] as const) {
      const res = await post('/api/habit-logs', { habitId: ids.A, logDate: march(31), ...body });
      expect({ code: res.body.code, status: res.status }).toEqual({ code, status: 400 });
    }
    // Nothing moved: A's today is still 4.
    expect((await habit('A')).todayLog.value).toBe(4);
  });

  it('100 parallel adds of 1 sum to 100', async () => {
    const id = await create({
      name: 'Push-ups',
      frequency: 'daily',
      kind: 'measure',
      unit: 'reps',
      target: { type: 'at_least', value: 100, period: 'day' },
    });
    const answers = await Promise.all(
      range(1, 100).map(() => post('/api/habit-logs', { habitId: id, add: 1 })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(99);
    const done = (await get(`/api/habits/${id}`)).body;
    expect(done.todayLog.value).toBe(100);
    expect(done.period).toMatchObject({ total: 100, target: 100, outcome: 'met' });
    expect(done.currentStreak).toBe(1);
  });

  it('a repeated Idempotency-Key adds once and answers the first response again', async () => {
    const id = await create({
      name: 'Steps',
      frequency: 'daily',
      kind: 'measure',
      unit: 'k steps',
      target: { type: 'at_least', value: 10, period: 'day' },
    });
    const send = (key: string, add: number) =>
      request(t.http)
        .post('/api/habit-logs')
        .set(u.auth)
        .set('Idempotency-Key', key)
        .send({ habitId: id, add });
    const first = await send('tap-1', 2);
    expect(first.status).toBe(201);
    const again = await Promise.all([send('tap-1', 2), send('tap-1', 2)]);
    for (const res of again) {
      expect(res.status).toBe(201);
      expect(res.body).toEqual(first.body);
    }
    const other = await send('tap-2', 2);
    expect(other.status).toBe(200);
    expect(other.body.log.value).toBe(4);
    // Another user's identical key is theirs alone.
    const v = await signUp(t.http, { timezone: 'UTC' });
    const theirs = await request(t.http)
      .post('/api/habit-logs')
      .set(v.auth)
      .set('Idempotency-Key', 'tap-1')
      .send({ habitId: id, add: 2 });
    expect(theirs.status).toBe(404);
    const bad = await send('x'.repeat(201), 1);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect((await get(`/api/habits/${id}`)).body.todayLog.value).toBe(4);
  });

  it('suggests and applies a lower target when the habit falls short (reduce_frequency)', async () => {
    // At least 10 a day from 20 March, 5 logged on 20–30: 11 failed due days, today pending →
    // failure rate 11/11 = 1 > 0.5 with 11 ≥ 7 occurrences: the target moves down 20 %, 10 → 8.
    const id = await create({
      name: 'Pages',
      frequency: 'daily',
      startDate: march(20),
      kind: 'measure',
      unit: 'pages',
      target: { type: 'at_least', value: 10, period: 'day' },
    });
    for (const day of range(20, 30)) await logValue(id, march(day), 5);
    const read = await get(`/api/habits/${id}`);
    expect(read.body).toMatchObject({
      failureRate: 1,
      consistencyScore: 0,
      suggestedFrequency: 'at least 8 pages a day',
    });
    const suggestions = await get(`/api/suggestions/habits/${id}/adaptive`);
    expect(suggestions.body).toContainEqual(
      expect.objectContaining({
        type: 'reduce_frequency',
        change: { target: { type: 'at_least', value: 8, period: 'day' } },
      }),
    );
    const applied = await post(`/api/suggestions/habits/${id}/apply`, { type: 'reduce_frequency' });
    expect(applied.status).toBe(200);
    // Still 5 < 8 every day; the next step down would be 8 × 0.8 = 6.4.
    expect(applied.body).toMatchObject({
      target: { type: 'at_least', value: 8, period: 'day' },
      failureRate: 1,
      suggestedFrequency: 'at least 6.4 pages a day',
    });
  });

  it('a check habit keeps its figures and reads as before', async () => {
    // Daily from 25 March: done 25, 26, nothing 27 (missed), done 28–31.
    // currentStreak 4 (28–31), longest 4; consistency over 25–31: 6 done of 7 → 85.7 → 86;
    // failure 1/7 = 0.1428… → 0.1429; strength from 0 over 25–31 (f = 1; 1,1,0,1,1,1,1):
    // m = 0.5^(1/13) ≈ 0.948078; score = Σ (1 − m) m^(31−d) over the done days = 26.95 → 27.
    const id = await create({ name: 'Journal', frequency: 'daily', startDate: march(25) });
    for (const day of [25, 26, 28, 29, 30, 31]) {
      const res = await post('/api/habit-logs', {
        habitId: id,
        logDate: march(day),
        status: 'done',
      });
      expect(res.body.log.value).toBeNull();
    }
    const body = (await get(`/api/habits/${id}`)).body;
    expect(body).toMatchObject({
      kind: 'check',
      unit: null,
      target: null,
      period: null,
      streakUnit: 'day',
      currentStreak: 4,
      longestStreak: 4,
      consistencyScore: 86,
      failureRate: 0.1429,
      totalCompletions: 6,
      strength: 27,
      consecutiveMisses: 0,
      todayLog: { status: 'done', value: null },
    });
  });
});

import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// 2026-03-10T12:00Z is Tuesday 10 March in UTC and already Wednesday 11 March in Kiritimati (UTC+14).
const NOW = '2026-03-10T12:00:00Z';

describe(`habits (${testDb()})`, () => {
  let t: TestApp;
  let alice: SignedUp;
  let bob: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    alice = await signUp(t.http, { timezone: 'UTC' });
    bob = await signUp(t.http, { timezone: 'UTC' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (who: SignedUp, body: object) =>
    request(t.http).post('/api/habits').set(who.auth).send(body);

  it('creates, reads, lists, patches, replaces and deletes a habit', async () => {
    const created = await create(alice, { name: 'Read', frequency: 'daily' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Read',
      frequency: 'daily',
      startDate: '2026-03-10',
      status: 'active',
      difficulty: 'medium',
      priority: 'medium',
      pausePeriods: [],
      streakUnit: 'day',
      statsAsOf: '2026-03-10',
      dueToday: true,
      todayLog: null,
      week: null,
      version: expect.any(Number),
    });
    const id = created.body.id;

    const got = await request(t.http).get(`/api/habits/${id}`).set(alice.auth);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(id);

    const listed = await request(t.http).get('/api/habits').set(alice.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.map((h: { id: string }) => h.id)).toContain(id);

    const patched = await request(t.http)
      .patch(`/api/habits/${id}`)
      .set(alice.auth)
      .send({ name: 'Read a book', priority: 'high' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Read a book',
      priority: 'high',
      frequency: 'daily',
    });
    expect(patched.body.version).toBeGreaterThan(created.body.version);

    const replaced = await request(t.http)
      .put(`/api/habits/${id}`)
      .set(alice.auth)
      .send({ name: 'Read', frequency: 'weekly', timesPerWeek: 3 });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      frequency: 'weekly',
      timesPerWeek: 3,
      priority: 'medium',
      streakUnit: 'week',
    });
    expect(replaced.body.week).toEqual({ done: 0, quota: expect.any(Number) });

    const deleted = await request(t.http).delete(`/api/habits/${id}`).set(alice.auth);
    expect(deleted.status).toBe(204);
    expect((await request(t.http).get(`/api/habits/${id}`).set(alice.auth)).status).toBe(404);
  });

  it('filters the list by status', async () => {
    const paused = await create(alice, {
      name: 'Paused one',
      frequency: 'daily',
      status: 'paused',
    });
    expect(paused.body).toMatchObject({
      status: 'paused',
      pausePeriods: [{ from: '2026-03-10', to: null }],
      nextDueDate: null,
    });
    const res = await request(t.http).get('/api/habits?status=paused').set(alice.auth);
    expect(res.status).toBe(200);
    expect(res.body.every((h: { status: string }) => h.status === 'paused')).toBe(true);
    expect(res.body.map((h: { id: string }) => h.id)).toContain(paused.body.id);
  });

  it('a schedule edit adds a history row dated the user’s today and keeps the first one', async () => {
    const habit = await create(alice, { name: 'Run', frequency: 'daily', startDate: '2026-03-01' });
    const edited = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ frequency: 'custom', daysOfWeek: [1, 3, 5] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      frequency: 'custom',
      daysOfWeek: [1, 3, 5],
      intervalDays: null,
    });
    const rows = await t.dataSource.query(
      'SELECT effective_from, frequency, days_of_week FROM habit_schedules WHERE habit_id = $1 ORDER BY effective_from',
      [habit.body.id],
    );
    expect(rows).toEqual([
      { effective_from: '2026-03-01', frequency: 'daily', days_of_week: null },
      { effective_from: '2026-03-10', frequency: 'custom', days_of_week: [1, 3, 5] },
    ]);
  });

  it('refuses a start date moved past the first log (422)', async () => {
    const habit = await create(alice, {
      name: 'Stretch',
      frequency: 'daily',
      startDate: '2026-03-01',
    });
    await request(t.http)
      .post('/api/habit-logs')
      .set(alice.auth)
      .send({ habitId: habit.body.id, logDate: '2026-03-03', status: 'done' })
      .expect(201);
    const later = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ startDate: '2026-03-04' });
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('START_DATE_AFTER_FIRST_LOG');
    const earlier = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ startDate: '2026-02-20' });
    expect(earlier.status).toBe(200);
    expect(earlier.body.startDate).toBe('2026-02-20');
  });

  it('pauses and resumes through status', async () => {
    const habit = await create(alice, {
      name: 'Meditate',
      frequency: 'daily',
      startDate: '2026-03-01',
    });
    const paused = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ status: 'paused' });
    expect(paused.body).toMatchObject({
      status: 'paused',
      pausePeriods: [{ from: '2026-03-10', to: null }],
    });
    const refused = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ status: 'at_risk' });
    expect(refused.status).toBe(400);
    // Resumed the same day: the pause that started today is removed.
    const resumed = await request(t.http)
      .patch(`/api/habits/${habit.body.id}`)
      .set(alice.auth)
      .send({ status: 'active' });
    expect(resumed.body).toMatchObject({ pausePeriods: [], nextDueDate: '2026-03-10' });
    expect(['active', 'at_risk']).toContain(resumed.body.status);
  });

  it.each([
    ['an unknown field', { name: 'x', frequency: 'daily', colour: 'red' }, 'colour'],
    ['a wrong type', { name: 42, frequency: 'daily' }, 'name'],
    ['a bad enum', { name: 'x', frequency: 'hourly' }, 'frequency'],
    [
      'a date that does not exist',
      { name: 'x', frequency: 'daily', startDate: '2026-02-30' },
      'startDate',
    ],
    [
      'timesPerWeek out of range',
      { name: 'x', frequency: 'weekly', timesPerWeek: 8 },
      'timesPerWeek',
    ],
    [
      'intervalDays out of range',
      { name: 'x', frequency: 'custom', intervalDays: 1 },
      'intervalDays',
    ],
    [
      'both custom forms',
      { name: 'x', frequency: 'custom', intervalDays: 3, daysOfWeek: [1] },
      'intervalDays',
    ],
    ['repeated weekdays', { name: 'x', frequency: 'custom', daysOfWeek: [1, 1] }, 'daysOfWeek[1]'],
    [
      'timesPerWeek on a daily habit',
      { name: 'x', frequency: 'daily', timesPerWeek: 3 },
      'timesPerWeek',
    ],
    ['an empty name', { name: '', frequency: 'daily' }, 'name'],
    [
      'a pause ending before it starts',
      { name: 'x', frequency: 'daily', pausePeriods: [{ from: '2026-03-05', to: '2026-03-01' }] },
      'pausePeriods[0]',
    ],
  ])('answers 400 for %s, naming the field', async (_name, body, path) => {
    const res = await create(alice, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('answers 400 INVALID_ID for a malformed id and 404 for an unknown one', async () => {
    const bad = await request(t.http).get('/api/habits/not-a-uuid').set(alice.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_ID');
    const unknown = await request(t.http)
      .get('/api/habits/00000000-0000-4000-8000-000000000000')
      .set(alice.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('HABIT_NOT_FOUND');
  });

  it('answers 401 without a token', async () => {
    expect((await request(t.http).get('/api/habits')).status).toBe(401);
  });

  it('another user gets 404 on every id route and cannot log or link', async () => {
    const habit = await create(alice, { name: 'Private', frequency: 'daily' });
    const id = habit.body.id;
    for (const req of [
      request(t.http).get(`/api/habits/${id}`),
      request(t.http).patch(`/api/habits/${id}`).send({ name: 'mine now' }),
      request(t.http).put(`/api/habits/${id}`).send({ name: 'mine now', frequency: 'daily' }),
      request(t.http).delete(`/api/habits/${id}`),
      request(t.http).get(`/api/habit-logs/habit/${id}`),
      request(t.http).post('/api/habit-logs').send({ habitId: id, status: 'done' }),
      request(t.http)
        .post('/api/goals')
        .send({ name: 'g', targetValue: 5, unit: 'x', habits: [{ habitId: id }] }),
    ]) {
      const res = await req.set(bob.auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('HABIT_NOT_FOUND');
    }
    const still = await request(t.http).get(`/api/habits/${id}`).set(alice.auth);
    expect(still.body).toMatchObject({ name: 'Private', totalCompletions: 0 });
    const goals = await request(t.http).get('/api/goals').set(bob.auth);
    expect(goals.body).toEqual([]);
  });
});

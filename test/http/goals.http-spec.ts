import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-10T12:00:00Z';

describe(`goals (${testDb()})`, () => {
  let t: TestApp;
  let alice: SignedUp;
  let bob: SignedUp;
  let run: string;
  let swim: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    alice = await signUp(t.http);
    bob = await signUp(t.http);
    const habit = (name: string) =>
      request(t.http)
        .post('/api/habits')
        .set(alice.auth)
        .send({ name, frequency: 'daily', startDate: '2026-03-01' });
    run = (await habit('Run')).body.id;
    swim = (await habit('Swim')).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, patches, replaces and deletes a goal with weighted links', async () => {
    const created = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({
        name: 'Fit',
        targetValue: 20,
        unit: 'sessions',
        deadline: '2026-06-30',
        habits: [{ habitId: run }, { habitId: swim, contributionWeight: 2 }],
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Fit',
      targetValue: 20,
      unit: 'sessions',
      startDate: '2026-03-10',
      baseValue: 0,
      currentValue: 0,
      isCompleted: false,
      completedAt: null,
      overdue: false,
      deadline: '2026-06-30',
    });
    expect(created.body.habits).toEqual(
      expect.arrayContaining([
        { habitId: run, contributionWeight: 1, count: 'completions' },
        { habitId: swim, contributionWeight: 2, count: 'completions' },
      ]),
    );
    const id = created.body.id;
    expect((await request(t.http).get(`/api/goals/${id}`).set(alice.auth)).body.id).toBe(id);
    expect(
      (await request(t.http).get('/api/goals').set(alice.auth)).body.map(
        (g: { id: string }) => g.id,
      ),
    ).toContain(id);

    // `habits` is the full set: run keeps its weight when listed without one, swim is unlinked.
    const patched = await request(t.http)
      .patch(`/api/goals/${id}`)
      .set(alice.auth)
      .send({ habits: [{ habitId: run }], baseValue: 3 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      habits: [{ habitId: run, contributionWeight: 1 }],
      baseValue: 3,
      currentValue: 3,
    });

    const replaced = await request(t.http)
      .put(`/api/goals/${id}`)
      .set(alice.auth)
      .send({ name: 'Fitter', targetValue: 10, unit: 'km' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      name: 'Fitter',
      unit: 'km',
      baseValue: 0,
      deadline: null,
      habits: [{ habitId: run }],
    });

    expect((await request(t.http).delete(`/api/goals/${id}`).set(alice.auth)).status).toBe(204);
    expect((await request(t.http).get(`/api/goals/${id}`).set(alice.auth)).status).toBe(404);
  });

  // Found by the OpenAPI fuzz run (issue 15): `habits: null` answered 500.
  it('refuses `habits: null` on POST, PUT and PATCH with 400 and leaves the links alone', async () => {
    const goal = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({ name: 'Links', targetValue: 5, unit: 'days', habits: [{ habitId: run }] })
      .expect(201);
    const body = { name: 'Links', targetValue: 5, unit: 'days', habits: null };
    for (const res of [
      await request(t.http).post('/api/goals').set(alice.auth).send(body),
      await request(t.http).put(`/api/goals/${goal.body.id}`).set(alice.auth).send(body),
      await request(t.http)
        .patch(`/api/goals/${goal.body.id}`)
        .set(alice.auth)
        .send({ deadline: null, habits: null }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { path: string }) => f.path)).toContain('habits');
    }
    const after = await request(t.http).get(`/api/goals/${goal.body.id}`).set(alice.auth);
    expect(after.body.habits).toEqual([
      { habitId: run, contributionWeight: 1, count: 'completions' },
    ]);
  });

  it('shows as overdue once the deadline has passed while incomplete', async () => {
    const res = await request(t.http).post('/api/goals').set(alice.auth).send({
      name: 'Late',
      targetValue: 5,
      unit: 'x',
      startDate: '2026-03-01',
      deadline: '2026-03-09',
    });
    expect(res.body).toMatchObject({ overdue: true, isCompleted: false });
  });

  it.each([
    ['a zero target', { name: 'g', targetValue: 0, unit: 'x' }, 'targetValue'],
    ['a string target', { name: 'g', targetValue: '5', unit: 'x' }, 'targetValue'],
    [
      'a negative weight',
      {
        name: 'g',
        targetValue: 5,
        unit: 'x',
        habits: [{ habitId: '00000000-0000-4000-8000-000000000000', contributionWeight: -1 }],
      },
      'habits[0].contributionWeight',
    ],
    [
      'a weight over 1000',
      {
        name: 'g',
        targetValue: 5,
        unit: 'x',
        habits: [{ habitId: 'LINKED', contributionWeight: 1000.5 }],
      },
      'habits[0].contributionWeight',
    ],
    [
      'a malformed habit id',
      { name: 'g', targetValue: 5, unit: 'x', habits: [{ habitId: 'x' }] },
      'habits[0].habitId',
    ],
    [
      'an impossible deadline',
      { name: 'g', targetValue: 5, unit: 'x', deadline: '2026-02-30' },
      'deadline',
    ],
    ['an unknown field', { name: 'g', targetValue: 5, unit: 'x', colour: 'red' }, 'colour'],
    [
      'a habit linked twice',
      {
        name: 'g',
        targetValue: 5,
        unit: 'x',
        habits: [{ habitId: 'LINKED' }, { habitId: 'LINKED' }],
      },
      'habits[1].habitId',
    ],
  ])('answers 400 for %s', async (_name, body, path) => {
    const sent = JSON.parse(JSON.stringify(body).replace(/LINKED/g, run));
    const res = await request(t.http).post('/api/goals').set(alice.auth).send(sent);
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('refuses a deadline before the goal’s start (422, naming the deadline), on create and on edit', async () => {
    const post = (body: object) =>
      request(t.http)
        .post('/api/goals')
        .set(alice.auth)
        .send({ name: 'g', targetValue: 5, unit: 'x', ...body });
    const explicit = await post({ startDate: '2026-03-01', deadline: '2020-01-01' });
    expect(explicit.status).toBe(422);
    expect(explicit.body.code).toBe('GOAL_DEADLINE_BEFORE_START');
    expect(explicit.body.details.fields).toEqual([
      { path: 'deadline', code: 'GOAL_DEADLINE_BEFORE_START', message: expect.any(String) },
    ]);
    // Without a start date the goal starts today (10 March): yesterday is too early.
    expect((await post({ deadline: '2026-03-09' })).status).toBe(422);
    const sameDay = await post({ deadline: '2026-03-10' });
    expect(sameDay.status).toBe(201);

    const moved = await request(t.http)
      .patch(`/api/goals/${sameDay.body.id}`)
      .set(alice.auth)
      .send({ startDate: '2026-03-11' });
    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('GOAL_DEADLINE_BEFORE_START');
    const kept = await request(t.http).get(`/api/goals/${sameDay.body.id}`).set(alice.auth);
    expect(kept.body).toMatchObject({ startDate: '2026-03-10', deadline: '2026-03-10' });
  });

  it('another user gets 404 on every goal route and cannot link someone else’s habit', async () => {
    const goal = await request(t.http)
      .post('/api/goals')
      .set(alice.auth)
      .send({ name: 'Mine', targetValue: 5, unit: 'x' });
    const id = goal.body.id;
    for (const req of [
      request(t.http).get(`/api/goals/${id}`),
      request(t.http).patch(`/api/goals/${id}`).send({ name: 'theirs' }),
      request(t.http).put(`/api/goals/${id}`).send({ name: 'theirs', targetValue: 1, unit: 'x' }),
      request(t.http).delete(`/api/goals/${id}`),
    ]) {
      const res = await req.set(bob.auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('GOAL_NOT_FOUND');
    }
    const own = await request(t.http)
      .post('/api/goals')
      .set(bob.auth)
      .send({ name: 'B', targetValue: 5, unit: 'x' });
    const link = await request(t.http)
      .patch(`/api/goals/${own.body.id}`)
      .set(bob.auth)
      .send({ habits: [{ habitId: run }] });
    expect(link.status).toBe(404);
    expect(link.body.code).toBe('HABIT_NOT_FOUND');
    expect((await request(t.http).get(`/api/goals/${id}`).set(alice.auth)).body.name).toBe('Mine');
  });
});

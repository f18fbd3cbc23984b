import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Tuesday 10 March 2026 in UTC.
const NOW = '2026-03-10T12:00:00Z';

/** A habit's colour, icon and place in the user's list; how far ahead it may start. */
describe(`habit colour, icon, order and start date (${testDb()})`, () => {
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
    request(t.http)
      .post('/api/habits')
      .set(who.auth)
      .send({ frequency: 'daily', ...body });
  const list = async (who: SignedUp): Promise<{ name: string; position: number }[]> =>
    (await request(t.http).get('/api/habits').set(who.auth)).body;
  const reorder = (who: SignedUp, habitIds: string[]) =>
    request(t.http).put('/api/habits/order').set(who.auth).send({ habitIds });

  it('gives a new habit the default colour, no icon, and the last place', async () => {
    const first = await create(alice, { name: 'Read' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ color: 'green', icon: null, position: 1 });
    const second = await create(alice, { name: 'Run', color: 'blue', icon: '🏃' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ color: 'blue', icon: '🏃', position: 2 });
    // Bob's list is his own: his first habit is first.
    expect((await create(bob, { name: 'Swim' })).body.position).toBe(1);
  });

  it('changes colour and icon by PATCH, and clears the icon with null', async () => {
    const habit = (await create(alice, { name: 'Stretch', icon: '🧘🏽' })).body;
    const patched = await request(t.http)
      .patch(`/api/habits/${habit.id}`)
      .set(alice.auth)
      .send({ color: 'purple', icon: '👨‍👩‍👧' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ color: 'purple', icon: '👨‍👩‍👧' });
    expect(patched.body.version).toBeGreaterThan(habit.version);
    const cleared = await request(t.http)
      .patch(`/api/habits/${habit.id}`)
      .set(alice.auth)
      .send({ icon: null });
    expect(cleared.body).toMatchObject({ color: 'purple', icon: null });
  });

  it.each([
    ['a colour outside the palette', { color: '#ff0000' }, 'color', 'IS_IN'],
    ['two emoji as the icon', { icon: '🏃🏊' }, 'icon', 'IS_EMOJI'],
    ['a word as the icon', { icon: 'run' }, 'icon', 'IS_EMOJI'],
  ])('refuses %s (400, naming the field and its code)', async (_what, body, path, code) => {
    const res = await create(alice, { name: 'x', ...body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toContainEqual({ path, code, message: expect.any(String) });
  });

  it('reorders the listed habits among the places they held; the others keep theirs', async () => {
    const before = await list(alice);
    expect(before.map((h) => h.name)).toEqual(['Read', 'Run', 'Stretch']);
    const ids = Object.fromEntries(
      (before as unknown as { name: string; id: string }[]).map((h) => [h.name, h.id]),
    );
    // Only Read and Stretch (as a filtered view would send them): they swap places.
    const res = await reorder(alice, [ids['Stretch'], ids['Read']]);
    expect(res.status).toBe(200);
    expect(res.body.map((h: { name: string }) => h.name)).toEqual(['Stretch', 'Run', 'Read']);
    expect((await list(alice)).map((h) => h.name)).toEqual(['Stretch', 'Run', 'Read']);
    const moved = res.body.find((h: { name: string }) => h.name === 'Read');
    const kept = before.find((h) => h.name === 'Run') as unknown as { version: number };
    expect(res.body.find((h: { name: string }) => h.name === 'Run').version).toBe(kept.version);
    expect(moved.version).toBeGreaterThan(
      (before.find((h) => h.name === 'Read') as unknown as { version: number }).version,
    );
    // A habit created later goes last.
    expect((await create(alice, { name: 'Walk' })).body.position).toBe(4);
  });

  it('answers 404 for another user’s habit in the order and changes nothing', async () => {
    const bobs = (await list(bob)) as unknown as { id: string }[];
    const alices = (await list(alice)) as unknown as { id: string; name: string }[];
    const res = await reorder(alice, [bobs[0].id, alices[0].id]);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('HABIT_NOT_FOUND');
    expect((await list(alice)).map((h) => h.name)).toEqual(alices.map((h) => h.name));
  });

  it.each([
    ['an empty list', []],
    [
      'a repeated id',
      ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'],
    ],
    ['a malformed id', ['nope']],
  ])('answers 400 for %s', async (_what, habitIds) => {
    const res = await reorder(alice, habitIds);
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0].path).toMatch(/^habitIds/);
  });

  it('accepts a start date up to a year ahead and refuses one further (422 START_DATE_TOO_FAR)', async () => {
    const planned = await create(alice, { name: 'Next year', startDate: '2027-03-10' });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ dueToday: false, nextDueDate: '2027-03-10' });

    const tooFar = await create(alice, { name: 'Someday', startDate: '2027-03-11' });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body).toMatchObject({ code: 'START_DATE_TOO_FAR' });
    expect(tooFar.body.details.fields).toEqual([
      { path: 'startDate', code: 'START_DATE_TOO_FAR', message: expect.any(String) },
    ]);
    const moved = await request(t.http)
      .patch(`/api/habits/${planned.body.id}`)
      .set(alice.auth)
      .send({ startDate: '2030-01-01' });
    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('START_DATE_TOO_FAR');
    expect((await list(alice)).map((h) => h.name)).not.toContain('Someday');
  });
});

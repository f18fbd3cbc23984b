import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// 2026-03-10T12:00Z: Tuesday 10 March on the server (UTC), already Wednesday 11 March in
// Pacific/Kiritimati (UTC+14). Kiritimati's today is 2026-03-11.
const NOW = '2026-03-10T12:00:00Z';

describe(`habit logs (${testDb()})`, () => {
  let t: TestApp;
  let kiri: SignedUp;
  let other: SignedUp;
  let habitId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    kiri = await signUp(t.http, { timezone: 'Pacific/Kiritimati' });
    other = await signUp(t.http, { timezone: 'UTC' });
    const habit = await request(t.http)
      .post('/api/habits')
      .set(kiri.auth)
      .send({ name: 'Swim', frequency: 'daily', startDate: '2026-03-05' });
    habitId = habit.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const log = (body: object, who: SignedUp = kiri) =>
    request(t.http).post('/api/habit-logs').set(who.auth).send(body);

  it('defaults the date to the user’s today in their zone, not the server’s', async () => {
    const res = await log({ habitId, status: 'done', notes: 'first' });
    expect(res.status).toBe(201);
    expect(res.body.log).toEqual({
      id: expect.any(String),
      habitId,
      logDate: '2026-03-11',
      status: 'done',
      notes: 'first',
      value: null,
    });
    expect(res.body.habit).toMatchObject({
      id: habitId,
      todayLog: { id: res.body.log.id, status: 'done', notes: 'first' },
    });
  });

  it('accepts the user’s today even though it is the server’s tomorrow, and refuses the day after (422)', async () => {
    const future = await log({ habitId, logDate: '2026-03-12', status: 'done' });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({
      code: 'LOG_DATE_IN_FUTURE',
      statusCode: 422,
      error: 'Unprocessable Entity',
    });
  });

  it('refuses a date before the habit’s start (422)', async () => {
    const res = await log({ habitId, logDate: '2026-03-04', status: 'done' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LOG_DATE_BEFORE_START');
  });

  it('replaces the status of a day (200) and keeps one row', async () => {
    const first = await log({ habitId, logDate: '2026-03-07', status: 'done' });
    expect(first.status).toBe(201);
    const again = await log({ habitId, logDate: '2026-03-07', status: 'skipped', notes: 'rain' });
    expect(again.status).toBe(200);
    expect(again.body.log).toEqual({
      id: first.body.log.id,
      habitId,
      logDate: '2026-03-07',
      status: 'skipped',
      notes: 'rain',
      value: null,
    });
    const rows = await t.dataSource.query(
      `SELECT status FROM habit_logs WHERE habit_id = $1 AND log_date = '2026-03-07'`,
      [habitId],
    );
    expect(rows).toEqual([{ status: 'skipped' }]);

    // A new status without `notes` (a one-tap toggle) keeps the day's notes; null clears them.
    const toggled = await log({ habitId, logDate: '2026-03-07', status: 'done' });
    expect(toggled.body.log).toMatchObject({ status: 'done', notes: 'rain' });
    const cleared = await log({ habitId, logDate: '2026-03-07', status: 'done', notes: null });
    expect(cleared.body.log).toMatchObject({ status: 'done', notes: null });
  });

  it('lists logs in a range (default the last 90 days) and bounds the range', async () => {
    // A habit of its own, so the list does not depend on what the tests above logged.
    const habitId = (
      await request(t.http)
        .post('/api/habits')
        .set(kiri.auth)
        .send({ name: 'Row', frequency: 'daily', startDate: '2026-03-05' })
    ).body.id as string;
    expect((await log({ habitId, status: 'done' })).status).toBe(201); // 03-11, the user's today
    expect((await log({ habitId, logDate: '2026-03-07', status: 'skipped' })).status).toBe(201);
    const all = await request(t.http).get(`/api/habit-logs/habit/${habitId}`).set(kiri.auth);
    expect(all.status).toBe(200);
    expect(all.body.map((l: { logDate: string }) => l.logDate)).toEqual([
      '2026-03-07',
      '2026-03-11',
    ]);
    const some = await request(t.http)
      .get(`/api/habit-logs/habit/${habitId}?from=2026-03-08&to=2026-03-11`)
      .set(kiri.auth);
    expect(some.body.map((l: { logDate: string }) => l.logDate)).toEqual(['2026-03-11']);
    const long = await request(t.http)
      .get(`/api/habit-logs/habit/${habitId}?from=2025-01-01&to=2026-03-11`)
      .set(kiri.auth);
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('RANGE_TOO_LONG');
    const backwards = await request(t.http)
      .get(`/api/habit-logs/habit/${habitId}?from=2026-03-11&to=2026-03-01`)
      .set(kiri.auth);
    expect(backwards.body.code).toBe('INVALID_RANGE');
    const badDate = await request(t.http)
      .get(`/api/habit-logs/habit/${habitId}?from=2026-02-30`)
      .set(kiri.auth);
    expect(badDate.status).toBe(400);
    expect(badDate.body.details.fields[0].path).toBe('from');
  });

  it('deletes a log (undo) and answers the habit without it', async () => {
    const created = await log({ habitId, logDate: '2026-03-08', status: 'done' });
    const before = created.body.habit.totalCompletions;
    const undone = await request(t.http)
      .delete(`/api/habit-logs/${created.body.log.id}`)
      .set(kiri.auth);
    expect(undone.status).toBe(200);
    expect(undone.body.habit.totalCompletions).toBe(before - 1);
    expect(
      (await request(t.http).delete(`/api/habit-logs/${created.body.log.id}`).set(kiri.auth))
        .status,
    ).toBe(404);
  });

  it.each([
    ['an unknown field', { status: 'done', mood: 'great' }, 'mood'],
    ['a bad status', { status: 'finished' }, 'status'],
    ['a malformed habit id', { status: 'done', habitId: 'nope' }, 'habitId'],
    ['an impossible date', { status: 'done', logDate: '2026-02-30' }, 'logDate'],
    ['notes over 1000 characters', { status: 'done', notes: 'x'.repeat(1001) }, 'notes'],
  ])('answers 400 for %s', async (_name, body, path) => {
    const res = await log({ habitId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('another user can neither log, list nor delete these logs (404)', async () => {
    const mine = await log({ habitId, logDate: '2026-03-09', status: 'done' });
    expect((await log({ habitId, status: 'done' }, other)).status).toBe(404);
    expect(
      (await request(t.http).get(`/api/habit-logs/habit/${habitId}`).set(other.auth)).status,
    ).toBe(404);
    const del = await request(t.http).delete(`/api/habit-logs/${mine.body.log.id}`).set(other.auth);
    expect(del.status).toBe(404);
    expect(del.body.code).toBe('LOG_NOT_FOUND');
  });

  it('20 concurrent logs of the same habit and day give one row and no 500', async () => {
    const statuses = ['done', 'skipped', 'missed'] as const;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        log({ habitId, logDate: '2026-03-06', status: statuses[i % 3] }),
      ),
    );
    const codes = responses.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM habit_logs WHERE habit_id = $1 AND log_date = '2026-03-06'`,
      [habitId],
    );
    expect(rows[0].n).toBe(1);
  });
});

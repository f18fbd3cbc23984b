import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Tuesday 10 March 2026 in UTC: the last 7 days are Wed 4 … Tue 10 March.
const NOW = '2026-03-10T12:00:00Z';

/** Each habit carries its last 7 days (the one-tap strip of Today and the list). */
describe(`a habit's recent days (${testDb()})`, () => {
  let t: TestApp;
  let alice: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    alice = await signUp(t.http, { timezone: 'UTC' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: object) => request(t.http).post('/api/habits').set(alice.auth).send(body);
  const log = (habitId: string, logDate: string, status: string) =>
    request(t.http).post('/api/habit-logs').set(alice.auth).send({ habitId, logDate, status });
  const statuses = (habit: { recentDays: { date: string; status: string }[] }) =>
    habit.recentDays.map((d) => `${d.date.slice(8)} ${d.status}`);

  it('a daily habit: not due before its start, missed, skipped, pending today', async () => {
    const habit = (await create({ name: 'Read', frequency: 'daily', startDate: '2026-03-06' }))
      .body;
    await log(habit.id, '2026-03-07', 'skipped');
    const got = (await request(t.http).get(`/api/habits/${habit.id}`).set(alice.auth)).body;
    expect(statuses(got)).toEqual([
      '04 not_due',
      '05 not_due',
      '06 missed',
      '07 skipped',
      '08 missed',
      '09 missed',
      '10 pending',
    ]);
    expect(got.recentDays[3].logId).toEqual(expect.any(String));
    expect(got.recentDays[2].logId).toBeNull();

    // A write answers with the new strip: the log's day and id are there at once.
    const logged = await log(habit.id, '2026-03-08', 'done');
    expect(logged.body.habit.recentDays[4]).toEqual({
      date: '2026-03-08',
      status: 'done',
      logId: logged.body.log.id,
    });
    const undone = await request(t.http)
      .delete(`/api/habit-logs/${logged.body.log.id}`)
      .set(alice.auth);
    expect(undone.body.habit.recentDays[4]).toEqual({
      date: '2026-03-08',
      status: 'missed',
      logId: null,
    });
  });

  it('a habit on chosen weekdays, with a pause: not due and paused days say so', async () => {
    const habit = (
      await create({
        name: 'Yoga',
        frequency: 'custom',
        daysOfWeek: [1, 3, 5],
        startDate: '2026-03-05',
        pausePeriods: [{ from: '2026-03-09', to: '2026-03-09' }],
      })
    ).body;
    await log(habit.id, '2026-03-06', 'done');
    const listed = (await request(t.http).get('/api/habits').set(alice.auth)).body.find(
      (h: { id: string }) => h.id === habit.id,
    );
    expect(statuses(listed)).toEqual([
      '04 not_due',
      '05 not_due',
      '06 done',
      '07 not_due',
      '08 not_due',
      '09 paused',
      '10 not_due',
    ]);
  });

  it('a 3×/week habit: a failed week’s open days are missed, the current week’s pending', async () => {
    const habit = (
      await create({ name: 'Swim', frequency: 'weekly', timesPerWeek: 3, startDate: '2026-02-23' })
    ).body;
    await log(habit.id, '2026-03-04', 'done');
    const got = (await request(t.http).get(`/api/habits/${habit.id}`).set(alice.auth)).body;
    // Week of Mon 2 March: 1 of 3 done, failed.
    expect(statuses(got)).toEqual([
      '04 done',
      '05 missed',
      '06 missed',
      '07 missed',
      '08 missed',
      '09 pending',
      '10 pending',
    ]);
  });
});

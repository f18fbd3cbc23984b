import request from 'supertest';
import { signUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// 23:30 on Tue 2026-03-10 in UTC is 13:30 on Wed 2026-03-11 in Kiritimati (UTC+14).
const NOW = '2026-03-10T23:30:00Z';

describe(`changing the time zone or day start (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('recomputes every habit as of the new today in the same write', async () => {
    const user = await signUp(t.http, { timezone: 'UTC' });
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Read', frequency: 'daily', startDate: '2026-03-08' });
    for (const day of ['08', '09', '10']) {
      await request(t.http)
        .post('/api/habit-logs')
        .set(user.auth)
        .send({ habitId: habit.body.id, logDate: `2026-03-${day}`, status: 'done' })
        .expect(201);
    }
    const before = await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth);
    // 08–10 done, today 03-10 done → 3; nothing left today.
    expect(before.body).toMatchObject({
      statsAsOf: '2026-03-10',
      currentStreak: 3,
      todayLog: { status: 'done' },
    });

    const patched = await request(t.http)
      .patch('/api/users/me')
      .set(user.auth)
      .send({ timezone: 'Pacific/Kiritimati' });
    expect(patched.status).toBe(200);
    expect(patched.body.today).toBe('2026-03-11');
    const rows = await t.dataSource.query('SELECT stats_as_of, version FROM habits WHERE id = $1', [
      habit.body.id,
    ]);
    expect(rows[0].stats_as_of).toBe('2026-03-11');

    // Logs keep their dates; 03-11 is the new, pending today: the streak holds at 3.
    const after = await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth);
    expect(after.body).toMatchObject({
      statsAsOf: '2026-03-11',
      currentStreak: 3,
      dueToday: true,
      todayLog: null,
      nextDueDate: '2026-03-11',
    });
    expect(after.body.version).toBe(rows[0].version); // the read found nothing stale to redo

    // A day start at 14:00 puts 13:30 back on 03-10.
    const earlier = await request(t.http)
      .patch('/api/users/me')
      .set(user.auth)
      .send({ dayStartHour: 14 });
    expect(earlier.body.today).toBe('2026-03-10');
    const back = await request(t.http).get(`/api/habits/${habit.body.id}`).set(user.auth);
    expect(back.body).toMatchObject({ statsAsOf: '2026-03-10', todayLog: { status: 'done' } });
  });
});

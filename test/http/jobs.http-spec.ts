import request from 'supertest';
import { JobRegistry } from '../../libs/jobs/src/job-registry';
import { signUp, SignedUp } from '../support/auth';
import { relogin } from '../support/relogin';
import { testDb } from '../support/services';
import { startSmtpServer, tokenFrom } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

// Day 1 is Mon 2026-03-02 (UTC users). Habits are created on day 1; nudges need ≥ 2 days.
const DAY1 = '2026-03-02T10:00:00Z';

describe(`scheduled jobs, e-mail and the dashboard cache (${testDb()})`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const run = (name: 'day_rollover' | 'risk_detection' | 'nudges') =>
    t.app.get(JobRegistry).run(name, {});
  const events = (who: SignedUp, type: string) =>
    t.dataSource.query(
      'SELECT payload FROM outbox_events WHERE user_id = $1 AND type = $2 ORDER BY seq',
      [(who.user as { id: string }).id, type],
    );
  const habitRow = async (id: string) =>
    (
      await t.dataSource.query(
        'SELECT status, stats_as_of, consecutive_misses, version FROM habits WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: DAY1,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'http://habits.test',
        MAIL_FROM: 'Habits <habits@habits.test>',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('day rollover recomputes a user whose day started, ahead of any read; a second run finds nothing', async () => {
    t.clock.set(DAY1);
    const user = await signUp(t.http, { timezone: 'UTC' });
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Walk', frequency: 'daily' });
    expect(await habitRow(habit.body.id)).toMatchObject({
      stats_as_of: '2026-03-02',
      status: 'active',
    });

    // Wed 03-04: 03-02 and 03-03 went unlogged → two misses → at risk, alert recorded.
    t.clock.set('2026-03-04T00:30:00Z');
    const first = await run('day_rollover');
    expect(first.users).toBeGreaterThanOrEqual(1);
    expect(await habitRow(habit.body.id)).toMatchObject({
      stats_as_of: '2026-03-04',
      status: 'at_risk',
      consecutive_misses: 2,
    });
    expect((await events(user, 'habit_at_risk')).length).toBe(1);
    expect(await run('day_rollover')).toEqual({ users: 0 });
  });

  it('risk detection writes only what changed; a second run changes nothing', async () => {
    t.clock.set(DAY1);
    const user = await signUp(t.http, { timezone: 'UTC' });
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Read', frequency: 'daily' });
    t.clock.set('2026-03-04T12:00:00Z');
    await run('risk_detection');
    const after = await habitRow(habit.body.id);
    expect(after).toMatchObject({
      status: 'at_risk',
      consecutive_misses: 2,
      stats_as_of: '2026-03-04',
    });
    const alerts = (await events(user, 'habit_at_risk')).length;
    expect(alerts).toBe(1);

    const again = await run('risk_detection');
    expect(again.habitsChanged).toBe(0);
    expect(await habitRow(habit.body.id)).toEqual(after);
    expect((await events(user, 'habit_at_risk')).length).toBe(alerts);
  });

  it('nudges at the nudge hour once per habit per day, and e-mails one digest to verified, opted-in users only', async () => {
    t.clock.set(DAY1);
    const verified = await signUp(t.http, { timezone: 'UTC', emailNudges: true });
    const unverified = await signUp(t.http, { timezone: 'UTC', emailNudges: true });
    const optedOut = await signUp(t.http, { timezone: 'UTC' });
    for (const who of [verified, unverified, optedOut]) {
      await request(t.http)
        .post('/api/habits')
        .set(who.auth)
        .send({ name: `Stretch`, frequency: 'daily' })
        .expect(201);
      await request(t.http)
        .post('/api/habits')
        .set(who.auth)
        .send({ name: `Floss`, frequency: 'daily' })
        .expect(201);
    }
    // Verify two of the addresses through the e-mailed link.
    for (const who of [verified, optedOut]) {
      await request(t.http).post('/api/users/me/email-verification').set(who.auth).expect(202);
      const mail = smtp.mails.find((m) => m.to.includes(who.email) && /Confirm/.test(m.subject))!;
      const res = await request(t.http)
        .post('/api/auth/verify-email')
        .send({ token: tokenFrom(mail, '/verify-email') });
      expect(res.body).toEqual({ emailVerified: true });
    }
    const sentBefore = smtp.mails.length;

    // Wed 03-04 18:00 UTC: before the default nudge hour (19) nothing happens.
    t.clock.set('2026-03-04T18:00:00Z');
    expect((await run('nudges')).nudged).toBe(0);

    // 19:00: each user's two habits (02 and 03 missed, due today, unlogged, 2 days old) are nudged.
    t.clock.set('2026-03-04T19:00:00Z');
    const report = await run('nudges');
    expect(report.nudged).toBeGreaterThanOrEqual(6);
    for (const who of [verified, unverified, optedOut]) {
      const nudges = await events(who, 'nudge');
      expect(
        nudges
          .map((n: { payload: { name: string; localDate: string } }) => [
            n.payload.name,
            n.payload.localDate,
          ])
          .sort(),
      ).toEqual([
        ['Floss', '2026-03-04'],
        ['Stretch', '2026-03-04'],
      ]);
    }
    const digests = smtp.mails.slice(sentBefore);
    expect(digests.map((m) => m.to)).toEqual([[verified.email]]);
    expect(digests[0].raw).toMatch(/Floss/);
    expect(digests[0].raw).toMatch(/Stretch/);
    expect(digests[0].raw).toMatch(
      /List-Unsubscribe: <http:\/\/habits\.test\/api\/unsubscribe\?token=/,
    );

    // 20:00, same day: nothing again.
    t.clock.set('2026-03-04T20:00:00Z');
    expect(await run('nudges')).toEqual({ nudged: 0, emails: 0 });
    expect(smtp.mails.length).toBe(sentBefore + 1);

    // The one-click link turns nudge e-mails off.
    const unsubscribe = await request(t.http).post(
      `/api/unsubscribe?token=${encodeURIComponent(tokenFrom(digests[0], '/unsubscribe'))}`,
    );
    expect(unsubscribe.status).toBe(204);
    await relogin(t, verified);
    const me = (await request(t.http).get('/api/auth/me').set(verified.auth)).body;
    expect(me).toMatchObject({ emailNudges: false, emailDelivery: true });
    expect((await request(t.http).post('/api/unsubscribe?token=forged.token')).status).toBe(400);
  });

  it('resets a forgotten password through a single-use link that ends every session', async () => {
    t.clock.set(DAY1);
    const user = await signUp(t.http);
    const before = smtp.mails.length;
    expect(
      (
        await request(t.http)
          .post('/api/auth/password-reset/request')
          .send({ email: 'nobody@example.com' })
      ).status,
    ).toBe(202);
    expect(smtp.mails.length).toBe(before);
    expect(
      (
        await request(t.http)
          .post('/api/auth/password-reset/request')
          .send({ email: user.email.toUpperCase() })
      ).status,
    ).toBe(202);
    const mail = smtp.mails[smtp.mails.length - 1];
    expect(mail.to).toEqual([user.email]);
    const token = tokenFrom(mail, '/reset-password');

    const reset = await request(t.http)
      .post('/api/auth/password-reset')
      .send({ token, newPassword: 'a brand new passphrase' });
    expect(reset.status).toBe(204);
    expect(
      (await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }))
        .status,
    ).toBe(401);
    expect(
      (
        await request(t.http)
          .post('/api/auth/login')
          .send({ email: user.email, password: 'a brand new passphrase' })
      ).status,
    ).toBe(200);
    const again = await request(t.http)
      .post('/api/auth/password-reset')
      .send({ token, newPassword: 'another passphrase' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_TOKEN_INVALID');

    // Links expire after 30 minutes.
    await request(t.http)
      .post('/api/auth/password-reset/request')
      .send({ email: user.email })
      .expect(202);
    const late = tokenFrom(smtp.mails[smtp.mails.length - 1], '/reset-password');
    t.clock.set('2026-03-02T10:31:00Z');
    expect(
      (
        await request(t.http)
          .post('/api/auth/password-reset')
          .send({ token: late, newPassword: 'too late now' })
      ).status,
    ).toBe(400);
  });

  it('serves a repeated dashboard read from the cache (only the guard’s user lookup) and reflects a write at once', async () => {
    t.clock.set(DAY1);
    const user = await signUp(t.http);
    const habit = await request(t.http)
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Cached', frequency: 'daily' });
    const first = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(first.body.dueToday).toMatchObject({ due: 1, done: 0 });
    const second = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(second.body).toEqual(first.body);
    expect(second.headers['x-query-count']).toBe('1');

    await request(t.http)
      .post('/api/habit-logs')
      .set(user.auth)
      .send({ habitId: habit.body.id, status: 'done' })
      .expect(201);
    const third = await request(t.http).get('/api/analytics/dashboard').set(user.auth);
    expect(third.body.dueToday).toMatchObject({ due: 1, done: 1 });
  });
});

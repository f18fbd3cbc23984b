import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { PasswordHasher } from '../../libs/auth/src';
import { signUp } from '../support/auth';
import { TEST_JWT_SECRET, testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-10T12:00:00.000Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = 'correct horse battery staple';

const errorOf = (status: number, code: string) =>
  expect.objectContaining({ statusCode: status, code, error: expect.any(String) });

/** The `refresh_token` Set-Cookie header of a response, if any. */
function refreshCookieOf(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith('refresh_token='));
}

describe(`auth (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.clock.set(NOW));
  afterEach(() => jest.restoreAllMocks());

  const login = (email: string, password: string, extra: object = { tokenDelivery: 'body' }) =>
    request(t.http)
      .post('/api/auth/login')
      .send({ email, password, ...extra });
  const refresh = (refreshToken: string) =>
    request(t.http).post('/api/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) =>
    request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);

  describe('register, login, me', () => {
    it('registers with a normalised e-mail, signs in with a cookie and tells the user their day', async () => {
      const registered = await request(t.http).post('/api/auth/register').send({
        email: '  Ada.Lovelace@Example.COM ',
        password: PASSWORD,
        fullName: 'Ada Lovelace',
        timezone: 'America/New_York',
      });
      expect(registered.status).toBe(201);
      const user = {
        id: expect.stringMatching(UUID),
        email: 'ada.lovelace@example.com',
        fullName: 'Ada Lovelace',
        timezone: 'America/New_York',
        dayStartHour: 0,
        nudgeHour: 19,
        emailNudges: false,
        emailVerified: false,
        isActive: true,
        createdAt: NOW,
      };
      expect(registered.body).toEqual(user);
      const [row] = await t.dataSource.query(`SELECT hashed_password FROM users WHERE id = $1`, [
        registered.body.id,
      ]);
      expect(row.hashed_password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

      const signedIn = await login('ADA.lovelace@example.com', PASSWORD, {});
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const cookie = refreshCookieOf(signedIn);
      expect(cookie).toMatch(/^refresh_token=[\w-]{43};/);
      expect(cookie).toMatch(/; Max-Age=2592000;/);
      expect(cookie).toMatch(/; Path=\/api\/auth;/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);

      // 12:00Z is 08:00 in New York (EDT since 8 March): the next day starts at 04:00Z.
      const profile = await me(signedIn.body.accessToken);
      expect(profile.status).toBe(200);
      expect(profile.body).toEqual({
        ...user,
        id: registered.body.id,
        today: '2026-03-10',
        nextDayStartsAt: '2026-03-11T04:00:00.000Z',
        // No SMTP_URL here: the web app offers no e-mail features.
        emailDelivery: false,
        // The first account of this fresh server is its admin.
        isAdmin: true,
      });
      t.clock.set('2026-03-10T03:30:00Z'); // 23:30 the evening before, in New York
      expect((await me(signedIn.body.accessToken)).body.today).toBe('2026-03-09');
    });

    it('refuses the same e-mail in another case with 409 EMAIL_TAKEN', async () => {
      const first = await signUp(t.http, { email: 'grace@example.com' });
      expect(first.user.email).toBe('grace@example.com');
      const again = await request(t.http)
        .post('/api/auth/register')
        .send({ email: 'Grace@EXAMPLE.com', password: 'another password' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual(errorOf(409, 'EMAIL_TAKEN'));
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM users WHERE lower(email) = 'grace@example.com'`,
      );
      expect(n).toBe(1);
    });

    it('validates the registration: e-mail, password length, unknown fields, time zone', async () => {
      const register = (body: object) => request(t.http).post('/api/auth/register').send(body);
      const invalid = await register({ email: 'not-an-email', password: 'short', admin: true });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual(errorOf(400, 'VALIDATION_FAILED'));
      const paths = invalid.body.details.fields.map((f: { path: string }) => f.path);
      expect(new Set(paths)).toEqual(new Set(['email', 'password', 'admin']));

      const zone = await register({
        email: 'zone@example.com',
        password: PASSWORD,
        timezone: 'Mars/Base',
      });
      expect(zone.status).toBe(400);
      expect(zone.body).toEqual(errorOf(400, 'INVALID_TIME_ZONE'));
      expect(zone.body.details.fields[0].path).toBe('timezone');

      const tooLong = await register({ email: 'long@example.com', password: 'x'.repeat(129) });
      expect(tooLong.status).toBe(400);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM users WHERE email IN ('zone@example.com', 'long@example.com')`,
      );
      expect(n).toBe(0);
    });
  });

  describe('login failures', () => {
    it('answers an unknown e-mail and a wrong password with the same 401 after one argon2 verification each', async () => {
      const s = await signUp(t.http);
      const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');

      const unknown = await login('nobody-here@example.com', PASSWORD);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(verify.mock.calls[0][0]).toMatch(/^\$argon2id\$/); // the dummy hash
      verify.mockClear();

      const wrong = await login(s.email, 'wrong password!');
      expect(verify).toHaveBeenCalledTimes(1);

      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(errorOf(401, 'INVALID_CREDENTIALS'));
      expect(wrong.body).toEqual(unknown.body);
      expect(refreshCookieOf(wrong)).toBeUndefined();
    });

    it('refuses an inactive user like a wrong password, and their tokens stop working', async () => {
      const s = await signUp(t.http);
      const wrong = await login(s.email, 'wrong password!');
      await t.dataSource.query(`UPDATE users SET is_active = false WHERE id = $1`, [s.user.id]);

      const inactive = await login(s.email, s.password);
      expect(inactive.status).toBe(401);
      expect(inactive.body).toEqual(wrong.body);
      const profile = await me(s.accessToken);
      expect(profile.status).toBe(401);
      expect(profile.body).toEqual(errorOf(401, 'TOKEN_INVALID'));
      const refreshed = await refresh(s.refreshToken);
      expect(refreshed.status).toBe(401);
      expect(refreshed.body).toEqual(errorOf(401, 'REFRESH_TOKEN_INVALID'));
    });
  });

  describe('access tokens', () => {
    it('accepts a token for 15 minutes and refuses it after with TOKEN_EXPIRED', async () => {
      const s = await signUp(t.http);
      t.clock.advance(899_000);
      expect((await me(s.accessToken)).status).toBe(200);
      t.clock.advance(2_000);
      const expired = await me(s.accessToken);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual(errorOf(401, 'TOKEN_EXPIRED'));
    });

    it('refuses forged, unsigned (alg none), wrong-audience and wrong-algorithm tokens, and none at all', async () => {
      const s = await signUp(t.http);
      const { sid } = jwt.decode(s.accessToken) as jwt.JwtPayload;
      const claims = { sub: s.user.id, sid, iat: nowSeconds(), exp: nowSeconds() + 900 };
      const options = { issuer: 'habit-tracker', audience: 'habit-tracker-api' };
      const forged = jwt.sign(claims, 'another-secret-another-secret-0123456789', {
        ...options,
        algorithm: 'HS256',
      });
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
        ...claims,
        iss: options.issuer,
        aud: options.audience,
      })}.`;
      const wrongAudience = jwt.sign(claims, TEST_JWT_SECRET, {
        issuer: options.issuer,
        audience: 'someone-else',
        algorithm: 'HS256',
      });
      const wrongAlgorithm = jwt.sign(claims, TEST_JWT_SECRET, { ...options, algorithm: 'HS512' });
      const notAUser = jwt.sign({ ...claims, sub: 'not-a-uuid' }, TEST_JWT_SECRET, {
        ...options,
        algorithm: 'HS256',
      });
      // The same claims signed with the real secret pass: each refusal is about the one defect.
      const genuine = jwt.sign(claims, TEST_JWT_SECRET, { ...options, algorithm: 'HS256' });
      expect((await me(genuine)).status).toBe(200);

      for (const token of [forged, unsigned, wrongAudience, wrongAlgorithm, notAUser, 'garbage']) {
        const res = await me(token);
        expect({ token, status: res.status, body: res.body }).toEqual({
          token,
          status: 401,
          body: errorOf(401, 'TOKEN_INVALID'),
        });
      }
      const missing = await request(t.http).get('/api/auth/me');
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual(errorOf(401, 'UNAUTHORIZED'));
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; the old token then fails and revokes the whole family', async () => {
      const s = await signUp(t.http);
      const [stored] = await t.dataSource.query(
        `SELECT token_hash FROM refresh_tokens WHERE user_id = $1`,
        [s.user.id],
      );
      expect(stored.token_hash).toBe(createHash('sha256').update(s.refreshToken).digest('hex'));

      const rotated = await refresh(s.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      });
      expect(rotated.body.refreshToken).not.toBe(s.refreshToken);
      expect(refreshCookieOf(rotated)).toBeUndefined();
      expect((await me(rotated.body.accessToken)).status).toBe(200);

      const reused = await refresh(s.refreshToken);
      expect(reused.status).toBe(401);
      expect(reused.body).toEqual(errorOf(401, 'REFRESH_TOKEN_REUSED'));
      const afterReuse = await refresh(rotated.body.refreshToken);
      expect(afterReuse.status).toBe(401);
      expect(afterReuse.body).toEqual(errorOf(401, 'REFRESH_TOKEN_INVALID'));
      const [{ live }] = await t.dataSource.query(
        `SELECT count(*)::int AS live FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
        [s.user.id],
      );
      expect(live).toBe(0);
    });

    it('lets exactly one of two concurrent uses of a token win', async () => {
      const s = await signUp(t.http);
      const results = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('takes the cookie only with the CSRF header and answers with a new cookie', async () => {
      const s = await signUp(t.http);
      const signedIn = await login(s.email, s.password, {});
      const cookie = refreshCookieOf(signedIn)!.split(';')[0];

      const withoutHeader = await request(t.http).post('/api/auth/refresh').set('Cookie', cookie);
      expect(withoutHeader.status).toBe(401);
      expect(withoutHeader.body).toEqual(errorOf(401, 'CSRF_HEADER_MISSING'));

      const rotated = await request(t.http)
        .post('/api/auth/refresh')
        .set('Cookie', cookie)
        .set('X-Requested-With', 'habit-tracker');
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).toBeUndefined();
      const next = refreshCookieOf(rotated)!.split(';')[0];
      expect(next).toMatch(/^refresh_token=[\w-]{43}$/);
      expect(next).not.toBe(cookie);

      const nothing = await request(t.http).post('/api/auth/refresh');
      expect(nothing.status).toBe(401);
      expect(nothing.body).toEqual(errorOf(401, 'REFRESH_TOKEN_MISSING'));
    });

    it('lasts 30 days', async () => {
      const s = await signUp(t.http);
      const other = (await login(s.email, s.password)).body.refreshToken as string;
      t.clock.advance(30 * 86_400_000 - 60_000);
      expect((await refresh(s.refreshToken)).status).toBe(200);
      t.clock.advance(120_000);
      const expired = await refresh(other);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual(errorOf(401, 'REFRESH_TOKEN_EXPIRED'));
    });
  });

  describe('logout', () => {
    it('ends the session it is sent from and no other', async () => {
      const s = await signUp(t.http);
      const second = (await login(s.email, s.password)).body.refreshToken as string;
      const viaCookie = refreshCookieOf(await login(s.email, s.password, {}))!.split(';')[0];

      const out = await request(t.http)
        .post('/api/auth/logout')
        .send({ refreshToken: s.refreshToken });
      expect(out.status).toBe(204);
      expect((await refresh(s.refreshToken)).status).toBe(401);

      const cookieOut = await request(t.http)
        .post('/api/auth/logout')
        .set('Cookie', viaCookie)
        .set('X-Requested-With', 'habit-tracker');
      expect(cookieOut.status).toBe(204);
      expect(refreshCookieOf(cookieOut)).toMatch(/^refresh_token=;.*Expires=Thu, 01 Jan 1970/);
      const cookieAgain = await request(t.http)
        .post('/api/auth/refresh')
        .set('Cookie', viaCookie)
        .set('X-Requested-With', 'habit-tracker');
      expect(cookieAgain.status).toBe(401);

      expect((await refresh(second)).status).toBe(200);
    });

    it('logout-all ends every session', async () => {
      const s = await signUp(t.http);
      const others = [
        (await login(s.email, s.password)).body.refreshToken as string,
        (await login(s.email, s.password)).body.refreshToken as string,
      ];
      const bystander = await signUp(t.http);

      expect((await request(t.http).post('/api/auth/logout-all')).status).toBe(401);
      const out = await request(t.http).post('/api/auth/logout-all').set(s.auth);
      expect(out.status).toBe(204);
      for (const token of [s.refreshToken, ...others]) {
        const res = await refresh(token);
        expect(res.status).toBe(401);
        expect(res.body).toEqual(errorOf(401, 'REFRESH_TOKEN_INVALID'));
      }
      expect((await refresh(bystander.refreshToken)).status).toBe(200);
    });
  });

  describe('profile', () => {
    it('changes settings; an invalid time zone is 400 INVALID_TIME_ZONE and UTC is accepted', async () => {
      const s = await signUp(t.http, { timezone: 'Asia/Tokyo' });
      const patch = (body: object) => request(t.http).patch('/api/users/me').set(s.auth).send(body);

      const invalid = await patch({ timezone: 'Mars/Olympus_Mons', nudgeHour: 7 });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual(errorOf(400, 'INVALID_TIME_ZONE'));
      expect(invalid.body.details.fields).toEqual([
        { path: 'timezone', code: 'INVALID_TIME_ZONE', message: expect.any(String) },
      ]);
      expect((await me(s.accessToken)).body).toMatchObject({
        timezone: 'Asia/Tokyo',
        nudgeHour: 19,
      });

      t.clock.set('2026-03-10T03:00:00Z');
      const changed = await patch({
        timezone: 'UTC',
        dayStartHour: 4,
        nudgeHour: 7,
        emailNudges: true,
        fullName: '  Grace Hopper ',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        timezone: 'UTC',
        dayStartHour: 4,
        nudgeHour: 7,
        emailNudges: true,
        fullName: 'Grace Hopper',
        today: '2026-03-09',
        nextDayStartsAt: '2026-03-10T04:00:00.000Z',
      });
      expect((await me(s.accessToken)).body).toEqual(changed.body);

      for (const body of [{ dayStartHour: 24 }, { timezone: null }, { isActive: false }]) {
        const res = await patch(body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('changes the password only with the current one, and that ends every session', async () => {
      const s = await signUp(t.http);
      const second = (await login(s.email, s.password)).body.refreshToken as string;
      const patch = (body: object) => request(t.http).patch('/api/users/me').set(s.auth).send(body);
      const newPassword = 'a brand new passphrase';

      const missing = await patch({ newPassword });
      expect(missing.status).toBe(400);
      expect(missing.body.details.fields.map((f: { path: string }) => f.path)).toContain(
        'currentPassword',
      );
      const wrong = await patch({ currentPassword: 'not my password', newPassword });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toEqual(errorOf(422, 'PASSWORD_INCORRECT'));
      const [{ revoked }] = await t.dataSource.query(
        `SELECT count(*)::int AS revoked FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NOT NULL`,
        [s.user.id],
      );
      expect(revoked).toBe(0);

      const changed = await patch({ currentPassword: s.password, newPassword });
      expect(changed.status).toBe(200);
      for (const token of [s.refreshToken, second]) expect((await refresh(token)).status).toBe(401);
      expect((await login(s.email, s.password)).status).toBe(401);
      expect((await login(s.email, newPassword)).status).toBe(200);
    });
  });

  describe('account deletion', () => {
    it('needs the password and removes every row the user owns', async () => {
      const s = await signUp(t.http);
      const bystander = await signUp(t.http);
      // Each user owns a habit with a log, a goal linked to it, and the events they caused.
      for (const who of [s, bystander]) {
        const habit = await request(t.http)
          .post('/api/habits')
          .set(who.auth)
          .send({ name: 'Read', frequency: 'daily' })
          .expect(201);
        await request(t.http)
          .post('/api/habit-logs')
          .set(who.auth)
          .send({ habitId: habit.body.id, status: 'done' })
          .expect(201);
        await request(t.http)
          .post('/api/goals')
          .set(who.auth)
          .send({
            name: 'Books',
            targetValue: 12,
            unit: 'books',
            habits: [{ habitId: habit.body.id }],
          })
          .expect(201);
      }
      const owned = async (userId: string) => {
        const [row] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users,
                  (SELECT count(*) FROM habits WHERE user_id = $1)::int AS habits,
                  (SELECT count(*) FROM habit_logs l JOIN habits h ON h.id = l.habit_id
                    WHERE h.user_id = $1)::int AS logs,
                  (SELECT count(*) FROM goals WHERE user_id = $1)::int AS goals,
                  (SELECT count(*) FROM refresh_tokens WHERE user_id = $1)::int AS tokens,
                  (SELECT count(*) FROM outbox_events WHERE user_id = $1)::int AS events`,
          [userId],
        );
        return row;
      };
      const before = await owned(s.user.id);
      expect(before).toEqual({
        users: 1,
        habits: 1,
        logs: 1,
        goals: 1,
        tokens: 1,
        events: expect.any(Number),
      });
      expect(before.events).toBeGreaterThan(0);
      const bystanderBefore = await owned(bystander.user.id);
      const logCount = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM habit_logs`))[0].n as number;
      const logsBefore = await logCount();

      const wrong = await request(t.http)
        .delete('/api/users/me')
        .set(s.auth)
        .send({ password: 'not my password' });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toEqual(errorOf(422, 'PASSWORD_INCORRECT'));
      expect(await owned(s.user.id)).toEqual(before);

      const deleted = await request(t.http)
        .delete('/api/users/me')
        .set(s.auth)
        .send({ password: s.password });
      expect(deleted.status).toBe(204);
      expect(await owned(s.user.id)).toEqual({
        users: 0,
        habits: 0,
        logs: 0,
        goals: 0,
        tokens: 0,
        events: 0,
      });
      expect(await logCount()).toBe(logsBefore - 1);
      expect(await owned(bystander.user.id)).toEqual(bystanderBefore);
      expect((await me(s.accessToken)).status).toBe(401);
      expect((await login(s.email, s.password)).status).toBe(401);
    });
  });
});

import jwt from 'jsonwebtoken';
import request from 'supertest';
import { EmailLinksService } from '../../libs/auth/src/email-links.service';
import { signUp } from '../support/auth';
import { TEST_JWT_SECRET, testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = '2026-03-10T12:00:00.000Z';

// Issue 15, defect 7: access tokens stayed valid up to 15 minutes after logout-all, a password
// change, a reset or a refresh-family revocation, and a token without `exp` was accepted.
describe(`session revocation takes effect on the next request (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) =>
    request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const login = async (email: string, password: string) =>
    (
      await request(t.http)
        .post('/api/auth/login')
        .send({ email, password, tokenDelivery: 'body' })
        .expect(200)
    ).body as { accessToken: string; refreshToken: string };
  const expectEnded = async (token: string) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'TOKEN_REVOKED' });
  };

  it('logout-all ends every access token of the user at once, and no one else’s', async () => {
    const s = await signUp(t.http);
    const other = await login(s.email, s.password);
    const bystander = await signUp(t.http);
    expect((await me(other.accessToken)).status).toBe(200);

    await request(t.http).post('/api/auth/logout-all').set(s.auth).expect(204);
    await expectEnded(s.accessToken);
    await expectEnded(other.accessToken);
    expect((await me(bystander.accessToken)).status).toBe(200);
    // Signing in again works.
    expect((await me((await login(s.email, s.password)).accessToken)).status).toBe(200);
  });

  it('a password change ends every access token', async () => {
    const s = await signUp(t.http);
    const other = await login(s.email, s.password);
    await request(t.http)
      .patch('/api/users/me')
      .set(s.auth)
      .send({ currentPassword: s.password, newPassword: 'a whole new passphrase' })
      .expect(200);
    await expectEnded(other.accessToken);
    await expectEnded(s.accessToken);
  });

  it('a password reset ends every access token', async () => {
    const s = await signUp(t.http);
    const links = t.app.get(EmailLinksService);
    const [row] = await t.dataSource.query('SELECT * FROM users WHERE id = $1', [s.user.id]);
    const token = await links.createResetToken({ ...row, id: row.id });
    await request(t.http)
      .post('/api/auth/password-reset')
      .send({ token, newPassword: 'reset passphrase 123' })
      .expect(204);
    await expectEnded(s.accessToken);
  });

  it('logging out of one session ends its access tokens, not the other session’s; reuse of a refresh token ends its family’s', async () => {
    const s = await signUp(t.http);
    const second = await login(s.email, s.password);
    await request(t.http)
      .post('/api/auth/logout')
      .send({ refreshToken: s.refreshToken })
      .expect(204);
    await expectEnded(s.accessToken);
    expect((await me(second.accessToken)).status).toBe(200);

    // A refresh token used twice (stolen) revokes its family: the access tokens of it end too.
    const rotated = await request(t.http)
      .post('/api/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(200);
    await request(t.http)
      .post('/api/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    await expectEnded(rotated.body.accessToken);
    await expectEnded(second.accessToken);
  });

  it('refuses a correctly signed token without `exp`, or without a session', async () => {
    const s = await signUp(t.http);
    const claims = jwt.decode(s.accessToken) as jwt.JwtPayload;
    const options = { algorithm: 'HS256' as const };
    const { exp: _exp, ...withoutExp } = claims;
    const { sid: _sid, ...withoutSession } = claims;
    const noExp = jwt.sign(withoutExp, TEST_JWT_SECRET, options);
    const noSession = jwt.sign(withoutSession, TEST_JWT_SECRET, options);
    for (const token of [noExp, noSession]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'TOKEN_INVALID' });
    }
    expect((await me(s.accessToken)).status).toBe(200);
  });
});

import request from 'supertest';
import { signUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

describe(`rate limits on sign-in (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T12:00:00Z' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After after 10 attempts per e-mail in 15 minutes, and lets others through', async () => {
    const user = await signUp(t.http);
    const attempt = (email: string, password = 'not the password') =>
      request(t.http).post('/api/auth/login').send({ email, password });
    // signUp signed in once already: 9 more attempts fit in the window, the next is refused.
    for (let i = 0; i < 9; i++) expect((await attempt(user.email)).status).toBe(401);
    const refused = await attempt(user.email, user.password);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'RATE_LIMITED',
    });
    expect(refused.headers['retry-after']).toBe('900');
    // Another e-mail from the same address is counted on its own.
    expect((await attempt('someone-else@example.com')).status).toBe(401);

    t.clock.advance(15 * 60 * 1000);
    expect((await attempt(user.email, user.password)).status).toBe(200);
  });
});

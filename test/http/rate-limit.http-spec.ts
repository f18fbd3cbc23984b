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
    // signUp's successful sign-in does not count: 10 failed attempts fit, the next is refused.
    for (let i = 0; i < 10; i++) expect((await attempt(user.email)).status).toBe(401);
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

  // Issue 15, defect 5: successful sign-ins counted toward the bad-login limit, and from
  // loopback a new X-Forwarded-For per request was a new client (TRUST_PROXY is off by default).
  it('does not count successful sign-ins', async () => {
    const user = await signUp(t.http);
    const attempt = (password: string) =>
      request(t.http).post('/api/auth/login').send({ email: user.email, password });
    for (let i = 0; i < 15; i++) expect((await attempt(user.password)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt('wrong password')).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const email = 'spoofer@example.com';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email, password: 'guess' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });
});

describe(`rate limits behind a trusted proxy (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T12:00:00Z', env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('with TRUST_PROXY=1 counts per forwarded client address', async () => {
    const attempt = (client: string) =>
      request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.99, ${client}`)
        .send({ email: 'behind-proxy@example.com', password: 'guess' });
    for (let i = 0; i < 10; i++) expect((await attempt('203.0.113.7')).status).toBe(401);
    expect((await attempt('203.0.113.7')).status).toBe(429);
    // Only the hop the proxy added is trusted: a different client is counted on its own.
    expect((await attempt('203.0.113.8')).status).toBe(401);
  });
});

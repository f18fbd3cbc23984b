import request from 'supertest';
import type { SignedUp } from './auth';
import type { TestApp } from './test-app';

/** Signs in again (after the test moved the clock past the access token's 15 minutes). */
export async function relogin(t: TestApp, who: SignedUp): Promise<void> {
  const res = await request(t.http)
    .post('/api/auth/login')
    .send({ email: who.email, password: who.password, tokenDelivery: 'body' });
  if (res.status !== 200)
    throw new Error(`login answered ${res.status}: ${JSON.stringify(res.body)}`);
  who.accessToken = res.body.accessToken;
  who.auth = { Authorization: `Bearer ${res.body.accessToken}` };
}

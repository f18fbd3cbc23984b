import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 15, defect 5: with two API processes each counted on its own (10 bad sign-ins on each
// before 429). With Redis the counters are shared by every process.
describe('rate limits shared through Redis (PostgreSQL + Redis)', () => {
  let apps: TestApp[] = [];
  beforeAll(async () => {
    apps = await Promise.all([1, 2].map(() => startTestApp({ redis: true })));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('10 failed sign-ins spread over two API processes, then 429 on both', async () => {
    const email = `shared-${randomUUID()}@example.com`;
    const attempt = (i: number) =>
      request(apps[i % 2].http)
        .post('/api/auth/login')
        .send({ email, password: 'guess' });
    for (let i = 0; i < 10; i++) expect((await attempt(i)).status).toBe(401);
    const [first, second] = [await attempt(0), await attempt(1)];
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(Number(first.headers['retry-after'])).toBeGreaterThan(0);
  });
});

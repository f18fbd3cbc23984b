import request from 'supertest';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

describe(`closed registration (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTRATION: 'closed' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = (email: string) =>
    request(t.http).post('/api/auth/register').send({ email, password: 'first user password' });

  it('admits only the first user, even when two sign up at once', async () => {
    const racing = await Promise.all([
      register('first@example.com'),
      register('second@example.com'),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = racing.find((r) => r.status === 422)!;
    expect(refused.body).toEqual(
      expect.objectContaining({ statusCode: 422, code: 'REGISTRATION_CLOSED' }),
    );

    const later = await register('third@example.com');
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('REGISTRATION_CLOSED');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(n).toBe(1);

    const admitted = racing.find((r) => r.status === 201)!;
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ email: admitted.body.email, password: 'first user password' });
    expect(login.status).toBe(200);
  });
});

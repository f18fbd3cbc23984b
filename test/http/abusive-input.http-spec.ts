import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

// Issue 15, defect 2: a 4 kB body of 2,000 `[` and `]` made class-transformer overflow the stack
// (500), signed in or not. Depth and array length are now checked before validation.
describe(`abusive JSON bodies (${testDb()})`, () => {
  let t: TestApp;
  let user: SignedUp;
  let habitId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T12:00:00Z' });
    user = await signUp(t.http);
    habitId = (
      await request(t.http)
        .post('/api/habits')
        .set(user.auth)
        .send({ name: 'Read', frequency: 'daily' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'post' | 'patch', path: string, body: string, auth = true) => {
    const req = request(t.http)[method](path).set('content-type', 'application/json');
    return (auth ? req.set(user.auth) : req).send(body);
  };

  it('answers 2,000 nested arrays with 400 BODY_TOO_DEEP on login, PATCH /users/me, PATCH /habits/{id} and POST /habit-logs', async () => {
    const targets: ['post' | 'patch', string, boolean][] = [
      ['post', '/api/auth/login', false],
      ['patch', '/api/users/me', true],
      ['patch', `/api/habits/${habitId}`, true],
      ['post', '/api/habit-logs', true],
    ];
    for (const [method, path, auth] of targets) {
      for (const body of [nested(2000), nestedObject(2000), `{"habitId":${nested(40)}}`]) {
        const res = await send(method, path, body, auth);
        expect({ path, status: res.status, body: res.body }).toEqual({
          path,
          status: 400,
          body: expect.objectContaining({
            statusCode: 400,
            error: 'Bad Request',
            code: 'BODY_TOO_DEEP',
            message: expect.stringContaining('32'),
          }),
        });
      }
    }
    // Nothing was written: the habit has no log and the user's settings are unchanged.
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM habit_logs WHERE habit_id = $1',
      [habitId],
    );
    expect(n).toBe(0);
  });

  it('accepts nesting up to 32 levels (then validates as usual)', async () => {
    const res = await send('patch', '/api/users/me', `{"fullName":${nested(31)}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers an array of more than 1,000 items with 413 ARRAY_TOO_LONG, before validation', async () => {
    const huge = JSON.stringify({
      name: 'Goal',
      targetValue: 1,
      unit: 'x',
      habits: Array.from({ length: 5000 }, () => 0),
    });
    const res = await send('post', '/api/goals', huge);
    expect(res.status).toBe(413);
    expect(res.body).toEqual(
      expect.objectContaining({
        statusCode: 413,
        code: 'ARRAY_TOO_LONG',
        error: 'Payload Too Large',
      }),
    );
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM goals');
    expect(n).toBe(0);
  });

  // Found by the fuzz run: PostgreSQL cannot store U+0000 in text, and answered 500.
  it('answers a NUL character in any string of a body with 400 INVALID_CHARACTER, writing nothing', async () => {
    const cases: ['post' | 'patch', string, object, boolean][] = [
      ['post', '/api/auth/login', { email: '\u0000', password: 'whatever it is' }, false],
      ['post', '/api/habits', { name: 'Re\u0000ad', frequency: 'daily' }, true],
      [
        'patch',
        `/api/habits/${habitId}`,
        { description: 'x', pausePeriods: [{ from: '\u0000' }] },
        true,
      ],
      ['post', '/api/habit-logs', { habitId, status: 'done', notes: 'a\u0000' }, true],
      ['post', '/api/goals', { name: 'G', targetValue: 1, unit: 'x', ['k\u0000']: 1 }, true],
    ];
    for (const [method, path, body, auth] of cases) {
      const res = await send(method, path, JSON.stringify(body), auth);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 400,
        code: 'INVALID_CHARACTER',
      });
    }
    const [{ habits }] = await t.dataSource.query(
      'SELECT count(*)::int AS habits FROM habits WHERE user_id = $1',
      [user.user.id],
    );
    expect(habits).toBe(1);
  });
});

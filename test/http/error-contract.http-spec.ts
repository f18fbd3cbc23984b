import request from 'supertest';
import { ProbeModule } from '../support/probe.module';
import { startTestApp, TestApp } from '../support/test-app';
import { testDb } from '../support/services';

describe(`error contract (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const shape = (status: number, code: string) =>
    expect.objectContaining({
      statusCode: status,
      code,
      error: expect.any(String),
      message: expect.any(String),
    });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(t.http)
      .post('/api/test-probe/echo')
      .set('content-type', 'application/json')
      .send('{"text": "unterminated');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(shape(400, 'MALFORMED_JSON'));
    expect(res.body.error).toBe('Bad Request');
  });

  it('answers a body over 100 kB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(t.http)
      .post('/api/test-probe/echo')
      .send({ text: 'x'.repeat(101 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(shape(413, 'PAYLOAD_TOO_LARGE'));
  });

  it('accepts a body just under the limit', async () => {
    const res = await request(t.http)
      .post('/api/test-probe/echo')
      .send({ text: 'x'.repeat(90 * 1024) });
    expect(res.status).toBe(201);
    expect(res.body.text).toHaveLength(90 * 1024);
  });

  it('lists each invalid and unknown field under details.fields', async () => {
    const res = await request(t.http).post('/api/test-probe/echo').send({ text: 5, extra: true });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(shape(400, 'VALIDATION_FAILED'));
    const paths = res.body.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['extra', 'text']);
    // Each field names what is wrong with a stable code, for clients to put in their own words.
    expect(res.body.details.fields).toContainEqual({
      path: 'extra',
      code: 'UNKNOWN_FIELD',
      message: expect.any(String),
    });
    expect(res.body.details.fields).toContainEqual({
      path: 'text',
      code: 'IS_STRING',
      message: expect.any(String),
    });
  });

  it('maps a CHECK constraint violation (SQLSTATE 23514) to 400 and writes nothing', async () => {
    const res = await request(t.http).post('/api/test-probe/constraint');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(shape(400, 'CONSTRAINT_VIOLATED'));
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE email = 'probe@example.com'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('maps a unique violation (SQLSTATE 23505) to 409', async () => {
    const res = await request(t.http).post('/api/test-probe/duplicate');
    expect(res.status).toBe(409);
    expect(res.body).toEqual(shape(409, 'DUPLICATE'));
  });

  it('answers an unknown error with 500, a request id and no internals', async () => {
    const res = await request(t.http).get('/api/test-probe/boom').set('x-request-id', 'req-123');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(shape(500, 'INTERNAL_ERROR'));
    expect(res.body.message).toContain('req-123');
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/secret|\.ts:|stack|at \w+/);
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const res = await request(t.http).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(shape(404, 'NOT_FOUND'));
  });

  it('runs on the database it claims', async () => {
    const res = await request(t.http).get('/api/test-probe/version');
    expect(res.status).toBe(200);
    // PGlite reports e.g. "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32…"; the real server has no PGlite.
    const expected =
      testDb() === 'pglite' ? /^PostgreSQL \d+.*\(PGlite / : /^PostgreSQL \d+(?!.*PGlite)/;
    expect(res.body.version).toMatch(expected);
  });

  it('reports readiness with the database up', async () => {
    const res = await request(t.http).get('/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      mode: testDb() === 'pglite' ? 'standalone' : 'postgres',
      database: 'ok',
      redis: 'not_configured',
      // Without Redis the API runs the jobs itself, and beats for them.
      workerHeartbeatAgeSeconds: expect.any(Number),
    });
  });
});

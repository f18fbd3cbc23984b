import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 15, defect 6: no security headers on the app, the API or Swagger, and a missing asset
// answered 200 with the HTML page.
describe(`security headers and static 404s (${testDb()})`, () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'main-ABCDEFGH.js'), 'console.log(1)');
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (res: request.Response) => {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  };

  it('sends CSP, nosniff, frame-ancestors and Referrer-Policy on the app, the API, its errors and Swagger UI', async () => {
    for (const url of ['/', '/habits/123', '/api/health/live', '/api/habits', '/api/docs']) {
      const res = await request(t.http).get(url).set('Accept', 'text/html,*/*');
      expect({ url, status: res.status < 500 }).toEqual({ url, status: true });
      expectSecurityHeaders(res);
    }
  });

  it('sends HSTS only when the request came over https (through a trusted proxy)', async () => {
    const plain = await request(t.http).get('/api/health/live');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers unknown /assets/… and file-like paths with 404, known files and deep links with 200', async () => {
    for (const url of ['/assets/nope.js', '/assets/deep/missing.png', '/nope.js', '/favicon.ico']) {
      const res = await request(t.http).get(url).set('Accept', 'text/html,*/*');
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.headers['content-type']).not.toMatch(/text\/html/);
    }
    expect((await request(t.http).get('/main-ABCDEFGH.js')).status).toBe(200);
    const deep = await request(t.http).get('/habits/123').set('Accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>app</title>');
  });
});

describe(`HSTS behind a trusted https proxy (${testDb()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends Strict-Transport-Security when X-Forwarded-Proto is https', async () => {
    const res = await request(t.http).get('/api/health/live').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

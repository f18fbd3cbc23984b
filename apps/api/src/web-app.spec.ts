import express from 'express';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { webApp } from './web-app';

const SCRIPT = 'main-ABCDEFGH.js';
const SOURCE = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const INDEX = '<!doctype html><html><body><ht-root></ht-root></body></html>';

/** A built web app as the build leaves it: hashed files, each with its .br and .gz beside it. */
function distDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-web-dist-'));
  for (const [name, text] of [
    [SCRIPT, SOURCE],
    ['index.html', INDEX],
  ]) {
    fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(text));
    fs.writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text));
  }
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('the web app’s static files', () => {
  const dir = distDir();
  const app = express();
  app.use(webApp(dir));
  app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends the brotli file to a browser that accepts it, cached for a year (hashed name)', async () => {
    const res = await request(app)
      .get(`/${SCRIPT}`)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBeLessThan(SOURCE.length / 10);
    // supertest inflates what it receives: the length above is what went over the wire.
    expect((res.body as Buffer).toString()).toBe(SOURCE);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzip = await request(app)
      .get(`/${SCRIPT}`)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(binary);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // supertest inflates gzip by itself: the body is the source again.
    expect((gzip.body as Buffer).toString()).toBe(SOURCE);

    const plain = await request(app).get(`/${SCRIPT}`).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SOURCE);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves deep links the compressed index.html, never cached without revalidation', async () => {
    const res = await request(app)
      .get('/habits/123')
      .set('Accept', 'text/html')
      .set('Accept-Encoding', 'br')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unhashed files revalidated and leaves /api and /ws alone', async () => {
    const icon = await request(app).get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const api = await request(app).get('/api/nothing').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ code: 'NOT_FOUND' });
    const ws = await request(app).get('/ws/x').set('Accept', 'text/html');
    expect(ws.status).toBe(404);
  });

  it('never serves the compressed copies by their own names', async () => {
    const res = await request(app).get(`/${SCRIPT}.br`).set('Accept', 'application/javascript');
    expect(res.status).toBe(404);
  });
});

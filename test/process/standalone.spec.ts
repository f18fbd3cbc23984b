import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { API_MAIN, RunningProcess, startProcess } from '../support/processes';

/** A pg client on the embedded server's Unix socket inside DATA_DIR. */
async function socketClient(dataDir: string): Promise<Client> {
  const client = new Client({ host: dataDir, port: 5432, user: 'postgres', database: 'postgres' });
  await client.connect();
  return client;
}

describe('standalone mode (embedded PGlite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-standalone-'));
  const env = { DATA_DIR: dataDir, PORT: '0' };
  let first: RunningProcess;

  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with no database installed, migrates, and answers ready', async () => {
    first = startProcess(API_MAIN, env);
    const url = await first.ready;
    const res = await fetch(`${url}/api/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'standalone', database: 'ok' });
    expect(first.output()).toMatch(/applied InitialSchema/);
  });

  it('serves real PostgreSQL (PGlite) on a socket inside DATA_DIR, not on 5432', async () => {
    const client = await socketClient(dataDir);
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    expect(rows[0].version).toMatch(/^PostgreSQL \d+.*PGlite/);
  });

  it('writes a 32-byte secret with mode 0600', () => {
    const file = path.join(dataDir, 'secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8'), 'base64url')).toHaveLength(32);
  });

  it('refuses a second process on the same DATA_DIR with the pid of the first', async () => {
    const second = startProcess(API_MAIN, env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`already running (pid ${first.child.pid})`);
  });

  it('keeps data and the secret across a clean restart (SIGTERM)', async () => {
    const client = await socketClient(dataDir);
    await client.query(
      `INSERT INTO users (email, hashed_password) VALUES ('kept@example.com', 'x')`,
    );
    await client.end();
    const secret = fs.readFileSync(path.join(dataDir, 'secret'), 'utf8');

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'habit-tracker.pid'))).toBe(false);

    first = startProcess(API_MAIN, env);
    await first.ready;
    expect(first.output()).not.toMatch(/applied InitialSchema/);
    const again = await socketClient(dataDir);
    const { rows } = await again.query<{ email: string }>(
      `SELECT email FROM users WHERE email = 'kept@example.com'`,
    );
    await again.end();
    expect(rows).toEqual([{ email: 'kept@example.com' }]);
    expect(fs.readFileSync(path.join(dataDir, 'secret'), 'utf8')).toBe(secret);
  });

  it('takes over the lock of a process that died without cleaning up (SIGKILL)', async () => {
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    expect(fs.existsSync(path.join(dataDir, 'habit-tracker.pid'))).toBe(true);
    first = startProcess(API_MAIN, env);
    const url = await first.ready;
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
  });
});

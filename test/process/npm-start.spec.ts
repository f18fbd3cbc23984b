import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `npm start` as a user (or a process manager) runs it: the server it starts must stop when npm
 * is told to stop, and its start-up log is a few lines, not a table of every route.
 */
describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-npm-start-'));
  let npm: ChildProcess;
  let output = '';
  let serverPid = 0;

  beforeAll(async () => {
    npm = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        NO_COLOR: '1',
        DATA_DIR: dataDir,
        PORT: '0',
        WEB_DIST_DIR: 'none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      () => /ready in standalone mode at \S+/.test(output),
      'the server to be ready',
      90_000,
    );
    // Each line names the pid of the process that logs it ("INFO: (1234) …"): the server's.
    serverPid = Number(/ INFO: \((\d+)\) /.exec(output)?.[1]);
  });

  afterAll(() => {
    if (serverPid && isRunning(serverPid)) process.kill(serverPid, 'SIGKILL');
    if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs a short start-up: the route mapping is at debug level', () => {
    expect(serverPid).toBeGreaterThan(0);
    expect(output).not.toMatch(/Mapped \{/);
    expect(output).not.toMatch(/RouterExplorer|RoutesResolver/);
    expect(output.split('\n').length).toBeLessThan(40);
  });

  it('stops the server when npm itself gets SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    npm.kill('SIGTERM');
    await exited;
    await until(() => !isRunning(serverPid), 'the server process to exit');
    expect(output).toMatch(/SIGTERM received, shutting down/);
  });
});

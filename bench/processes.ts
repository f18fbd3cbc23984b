import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, sleep } from './util';

/** Settings of the app that must come from the bench only, never from the caller's shell. */
const APP_ENV = [
  'HOST',
  'PORT',
  'DATA_DIR',
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'DB_POOL_SIZE',
  'MIGRATE_ON_START',
  'JOBS_INLINE',
  'SCHEDULED_JOBS',
  'REGISTRATION',
  'LOG_LEVEL',
  'CORS_ORIGIN',
  'PUBLIC_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'QUERY_COUNT_HEADER',
  'WEB_DIST_DIR',
  'OUTBOX_RELAY',
  'EVENT_RETENTION_DAYS',
  'NODE_OPTIONS',
];

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of APP_ENV) delete env[name];
  return { ...env, NODE_ENV: 'production', ...extra };
}

export interface Managed {
  name: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  hasExited: () => boolean;
}

/**
 * Every process the bench starts, so that all of them are stopped at the end, on failure and on
 * Ctrl-C. Children run in their own process group (a terminal's Ctrl-C reaches only the bench,
 * which then stops them in order) and are stopped by their PID.
 */
export class Processes {
  private readonly children = new Set<Managed>();

  constructor(readonly logDir: string) {
    fs.mkdirSync(logDir, { recursive: true });
  }

  /** Starts a process; with `stdin: 'pipe'` the caller can write to it (`managed.child.stdin`). */
  start(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    stdin: 'ignore' | 'pipe' = 'ignore',
  ): Managed {
    const logFile = path.join(this.logDir, `${name}.log`);
    const fd = fs.openSync(logFile, 'a');
    const child = spawn(command, args, {
      env,
      cwd: ROOT,
      detached: true,
      stdio: [stdin, fd, fd],
    });
    fs.closeSync(fd);
    if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
    let done = false;
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        done = true;
        resolve(code);
      });
      child.on('error', () => {
        done = true;
        resolve(null);
      });
    });
    const managed: Managed = {
      name,
      pid: child.pid,
      child,
      logFile,
      exited,
      hasExited: () => done,
    };
    this.children.add(managed);
    return managed;
  }

  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  async stop(managed: Managed, graceMs = 10_000): Promise<void> {
    if (!managed.hasExited()) {
      try {
        process.kill(managed.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timedOut = await Promise.race([
        managed.exited.then(() => false),
        sleep(graceMs).then(() => true),
      ]);
      if (timedOut && !managed.hasExited()) {
        try {
          process.kill(managed.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await managed.exited;
      }
    }
    this.children.delete(managed);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children].map((m) => this.stop(m)));
  }

  /** Last resort from a synchronous exit handler. */
  killAllNow(): void {
    for (const managed of this.children) {
      if (managed.hasExited()) continue;
      try {
        process.kill(managed.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  running(): Managed[] {
    return [...this.children].filter((m) => !m.hasExited());
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Waits for the process to print the address it listens on; `pattern`'s group 1 is the URL. */
export async function waitForUrl(managed: Managed, pattern: RegExp, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let text = '';
    try {
      text = fs.readFileSync(managed.logFile, 'utf8');
    } catch {
      // not written yet
    }
    const match = pattern.exec(text);
    if (match) return match[1];
    if (managed.hasExited())
      throw new Error(`${managed.name} exited during start:\n${tail(managed.logFile)}`);
    if (Date.now() > deadline)
      throw new Error(
        `${managed.name} not ready after ${timeoutMs / 1000} s:\n${tail(managed.logFile)}`,
      );
    await sleep(100);
  }
}

/** Waits until the process's log has a line starting with `marker`. */
export async function waitForLine(managed: Managed, marker: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let text = '';
    try {
      text = fs.readFileSync(managed.logFile, 'utf8');
    } catch {
      // not written yet
    }
    if (text.split('\n').some((line) => line.startsWith(marker))) return;
    if (managed.hasExited())
      throw new Error(`${managed.name} exited before "${marker}":\n${tail(managed.logFile)}`);
    if (Date.now() > deadline)
      throw new Error(
        `${managed.name}: no "${marker}" after ${timeoutMs / 1000} s:\n${tail(managed.logFile)}`,
      );
    await sleep(100);
  }
}

/** Waits until `url` answers 200, failing early with the log's tail when the process exits. */
export async function waitForHttp(url: string, managed: Managed, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (managed.hasExited())
      throw new Error(`${managed.name} exited during start:\n${tail(managed.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(
        `${managed.name} not ready after ${timeoutMs / 1000} s:\n${tail(managed.logFile)}`,
      );
    await sleep(100);
  }
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU seconds used so far and resident memory (bytes) of a process, from /proc (Linux). */
export function processUsage(pid: number): { cpuSeconds: number; rssBytes: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return { cpuSeconds, rssBytes: rss ? Number(rss[1]) * 1024 : NaN };
  } catch {
    return null;
  }
}

export interface UsageSummary {
  /** Peak resident memory over the run, MB (NaN where /proc is unavailable). */
  peakRssMb: number;
  /** CPU time ÷ wall time over the run, percent of one core. */
  cpuPercent: number;
}

/** Samples processes' memory during a run and their CPU over it. */
export class UsageSampler {
  private readonly startCpu = new Map<number, number>();
  private peakRss = 0;
  private readonly startedAt = process.hrtime.bigint();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: number[]) {
    for (const pid of pids) this.startCpu.set(pid, processUsage(pid)?.cpuSeconds ?? NaN);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  private sample(): void {
    for (const pid of this.pids) {
      const usage = processUsage(pid);
      if (usage) this.peakRss = Math.max(this.peakRss, usage.rssBytes);
    }
  }

  stop(): UsageSummary {
    clearInterval(this.timer);
    this.sample();
    const wall = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    let cpu = 0;
    for (const pid of this.pids)
      cpu += (processUsage(pid)?.cpuSeconds ?? NaN) - this.startCpu.get(pid)!;
    return {
      peakRssMb: this.peakRss > 0 ? this.peakRss / 2 ** 20 : NaN,
      cpuPercent: (cpu / wall) * 100,
    };
  }
}

import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The repository root (bench/ sources and dist/bench/ output both live under it). */
export const ROOT = (() => {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('bench: cannot find the repository root');
})();

export const DIST = path.join(ROOT, 'dist');

/** Loads a module of the built app (dist/…), typed by the caller with `typeof import(…)`. */
export function requireDist<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(DIST, relative)) as T;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const started = Date.now();

/** A progress line on stderr (the table goes to stdout). */
export function say(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}

/** A port nobody listens on right now (tiny race with other processes; fine on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The value at `p` (0–100) of sorted numbers, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Three significant digits at most, thousands separated: 1,450 / 83.2 / 0.412. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** "median (min–max)" of a few runs, or the one value. */
export function spread(values: readonly number[], digits = 3): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '–';
  if (finite.length === 1) return fmt(finite[0], digits);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return `${fmt(median(finite), digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;
}

/** A short random suffix for database names. */
export function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

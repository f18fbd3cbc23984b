import * as fs from 'node:fs';
import type { TracedStatement } from './pg-trace';
import { sleep } from './util';

/** Statements a process sends on timers, whatever the requests: not part of any request. */
const BACKGROUND = [
  /GROUP BY user_id ORDER BY min\(id\)/, // the outbox relay's sweep, every second
  /INSERT INTO worker_heartbeats/, // the job runner's heartbeat
  /DELETE FROM outbox_events WHERE id IN/, // the hourly retention clean-up
];

export interface CapturedRequest {
  /** The request's own statements (as many as its `x-query-count`), in order. */
  request: string[];
  /** What followed on other connections before the process went quiet (the outbox relay). */
  after: string[];
}

export const normalize = (sql: string) => sql.replace(/\s+/g, ' ').trim();

function readFrom(file: string, offset: number): TracedStatement[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8').slice(offset);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TracedStatement)
    .filter((s) => !BACKGROUND.some((re) => re.test(s.text)));
}

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** Waits until no statement but the background ones has been sent for `quietMs`. */
async function quiet(file: string, quietMs = 400, maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let offset = sizeOf(file);
  let lastActivity = Date.now();
  while (Date.now() < deadline) {
    await sleep(50);
    const fresh = readFrom(file, offset);
    offset = sizeOf(file);
    if (fresh.length > 0) lastActivity = Date.now();
    else if (Date.now() - lastActivity >= quietMs) return;
  }
}

/**
 * The statements of one request to a traced process (started with bench/pg-trace.ts): `send`
 * makes the request and returns its statement count (the `x-query-count` header).
 */
export async function captureRequest(
  traceFile: string,
  send: () => Promise<number>,
): Promise<CapturedRequest> {
  await quiet(traceFile);
  const offset = sizeOf(traceFile);
  const count = await send();
  await quiet(traceFile);
  const statements = readFrom(traceFile, offset).map((s) => normalize(s.text));
  return { request: statements.slice(0, count), after: statements.slice(count) };
}

/** Statements after the response, one list per transaction (each ends with its COMMIT). */
export function transactions(statements: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const s of statements) {
    current.push(s);
    if (/^(COMMIT|ROLLBACK)$/i.test(s)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A write's own statements plus the relay's first transaction. A second relay pass that finds
 * nothing happens when the once-a-second sweep sees the event before the first pass marked it
 * delivered: a race of the app, reported beside the list, not part of the comparison.
 */
export function writeShape(captured: CapturedRequest): string[] {
  return [...captured.request, ...(transactions(captured.after)[0] ?? [])];
}

/** Where two statement lists first differ, or null when they are the same. */
export function firstDifference(a: string[], b: string[]): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `statement ${i + 1}: app "${(a[i] ?? '(none)').slice(0, 90)}" vs same-SQL "${(b[i] ?? '(none)').slice(0, 90)}"`;
  }
  return null;
}

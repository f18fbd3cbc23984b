import * as http from 'node:http';
import { io, Socket } from 'socket.io-client';
import type { BenchUser } from './dataset';
import type { LoadResult } from './load';
import { UsageSampler } from './processes';
import { logWriter } from './scenarios';
import type { Sessions } from './sessions';
import { percentile } from './util';

/** Longest wait for an event before it counts as lost. */
const EVENT_TIMEOUT_MS = 5_000;

export interface SocketResult extends LoadResult {
  /** Events that arrived before the write's response (counted as 0 ms). */
  early: number;
  /** Events that never arrived within 5 s. */
  lost: number;
}

function post(
  agent: http.Agent,
  base: URL,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: string; statements: number }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            statements: Number(res.headers['x-query-count'] ?? NaN),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/ws',
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket connection failed: ${error.message}`));
    });
  });
}

interface LoggedEvent {
  payload: { log: { id: string }; habit: { version: number } };
}

/**
 * Delivery latency: each user (one per connection) writes logs one after another over HTTP to
 * `writeUrl` and has another socket open on `socketUrl`; the time from the write's response to
 * the `habit_logged` event of that write on the other socket is recorded.
 */
export async function runSocketLatency(options: {
  writeUrl: string;
  socketUrl: string;
  users: BenchUser[];
  sessions: Sessions;
  duration: number;
  pids: number[];
}): Promise<SocketResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let early = 0;
  let lost = 0;
  let statementSum = 0;
  let statementCount = 0;
  const base = new URL(options.writeUrl);
  const sockets = await Promise.all(
    options.users.map((u) => connect(options.socketUrl, options.sessions.token(u))),
  );
  const sampler = new UsageSampler(options.pids);
  const started = performance.now();
  const deadline = started + options.duration * 1000;
  try {
    await Promise.all(
      options.users.map(async (user, k) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const arrived = new Map<string, number>();
        const waiting = new Map<string, (at: number) => void>();
        sockets[k].on('habit_logged', (event: LoggedEvent) => {
          const at = performance.now();
          const key = `${event.payload.log.id}:${event.payload.habit.version}`;
          const waiter = waiting.get(key);
          if (waiter) {
            waiting.delete(key);
            waiter(at);
          } else arrived.set(key, at);
        });
        const body = logWriter(user);
        const token = options.sessions.token(user);
        try {
          for (let i = 0; performance.now() < deadline; i++) {
            const res = await post(agent, base, '/api/habit-logs', token, body(i));
            const returned = performance.now();
            if (res.status !== 200 && res.status !== 201) {
              failures[res.status] = (failures[res.status] ?? 0) + 1;
              continue;
            }
            if (Number.isFinite(res.statements)) {
              statementSum += res.statements;
              statementCount++;
            }
            const written = JSON.parse(res.body) as LoggedEvent['payload'];
            const key = `${written.log.id}:${written.habit.version}`;
            const at = arrived.get(key);
            if (at !== undefined) {
              arrived.delete(key);
              early++;
              latencies.push(0);
              continue;
            }
            const delivered = await new Promise<number | null>((resolve) => {
              const timer = setTimeout(() => {
                waiting.delete(key);
                resolve(null);
              }, EVENT_TIMEOUT_MS);
              waiting.set(key, (t) => {
                clearTimeout(timer);
                resolve(t);
              });
            });
            if (delivered === null) lost++;
            else latencies.push(delivered - returned);
          }
        } finally {
          agent.destroy();
        }
      }),
    );
  } finally {
    for (const socket of sockets) socket.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  const usage = sampler.stop();
  latencies.sort((a, b) => a - b);
  return {
    rps: (latencies.length + lost) / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length + lost,
    failures,
    errors: 0,
    statements: statementCount > 0 ? statementSum / statementCount : NaN,
    usage,
    early,
    lost,
  };
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { ServerEvent } from '../../libs/contracts/src';
import { signUp, SignedUp } from '../support/auth';
import { createPgDatabase, TestPgDatabase } from '../support/pg-database';
import { API_MAIN, RunningProcess, startProcess, WORKER_MAIN } from '../support/processes';
import { TestRedisServer } from '../support/redis-server';
import { TEST_JWT_SECRET } from '../support/services';
import { connectEvents, EventSocket, sleep } from '../support/sockets';
import { TcpProxy } from '../support/tcp-proxy';

/** How soon service must resume after Redis or PostgreSQL is back (issue 15). */
const RECOVERY_MS = 2_000;
const REDIS_DOWN_MS = 30_000;
const DATABASE_CUT_MS = 10_000;

interface Outcome {
  at: number;
  /** 0 when no HTTP answer came (connection error, timeout). */
  status: number;
  what: string;
}

interface AckedLog {
  habitId: string;
  logDate: string;
  logId: string;
  ackedAt: number;
  startedAt: number;
}

/** One HTTP call; status 0 when no answer came (a refused connection, a timeout). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read in place
async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: 0, body: null };
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Issue 15, defect 1 and the fault drill: Redis stopped under write traffic used to end every
// API process (an unhandled MaxRetriesPerRequestError), and a dashboard read answered 500.
// Two APIs and a worker on PostgreSQL (through a proxy this test cuts) and a Redis of the
// test's own; a client logs every 100 ms through API #1, a socket listens on API #2.
describe('faults: Redis down 30 s, PostgreSQL cut 10 s, under write traffic', () => {
  let db: TestPgDatabase;
  let redis: TestRedisServer;
  let redisDir: string;
  let proxy: TcpProxy;
  const processes: RunningProcess[] = [];
  let socket: EventSocket | undefined;

  beforeAll(async () => {
    db = await createPgDatabase();
    redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-redis-'));
    redis = await TestRedisServer.start(redisDir);
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const proxyPort = await proxy.listen();
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${proxyPort}`;
    const env = {
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: redis.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      DB_POOL_SIZE: '5',
    };
    processes.push(startProcess(API_MAIN, env));
    await processes[0].ready; // migrations first
    processes.push(startProcess(API_MAIN, env));
    processes.push(startProcess(WORKER_MAIN, env, /Worker\W+ready \((pid \d+)\)/));
    await Promise.all(processes.map((p) => p.ready));
  });

  afterAll(async () => {
    socket?.close();
    await Promise.all(processes.map((p) => p.stop()));
    await proxy?.close();
    await redis?.stop();
    if (redisDir) fs.rmSync(redisDir, { recursive: true, force: true });
    await db?.drop();
  });

  it('no process exits, no 5xx but 503 during the cut, every acknowledged log is stored, every event arrives, and service resumes within 2 s', async () => {
    const [url1, url2] = [await processes[0].ready, await processes[1].ready];
    const user: SignedUp = await signUp(url1);
    const auth = {
      Authorization: `Bearer ${user.accessToken}`,
      'content-type': 'application/json',
    };
    const me = await call(`${url1}/api/auth/me`, { headers: auth });
    const today: string = me.body.today;
    const habitIds: string[] = [];
    for (const name of ['Run', 'Read', 'Write']) {
      const created = await call(`${url1}/api/habits`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name, frequency: 'daily', startDate: addDays(today, -700) }),
      });
      expect(created.status).toBe(201);
      habitIds.push(created.body.id);
    }
    socket = await connectEvents(url2, { token: user.accessToken });
    const arrivals = new Map<number, number>(); // seq → first arrival time
    socket.socket.onAny((_name: string, event: ServerEvent) => {
      if (typeof event?.seq === 'number' && !arrivals.has(event.seq))
        arrivals.set(event.seq, Date.now());
    });
    let socketDropped = false;
    void socket.disconnected.then(() => (socketDropped = true));

    // The client: one log every 100 ms through API #1 (a new day of one of the habits each
    // time, so every acknowledged write leaves its own row), and a dashboard read through API #2.
    const outcomes: Outcome[] = [];
    const acked: AckedLog[] = [];
    const logIdToSeq = new Map<string, number>();
    socket.socket.onAny((_name: string, event: ServerEvent) => {
      if (event?.type === 'habit_logged') logIdToSeq.set(event.payload.log.id, event.seq);
    });
    let running = true;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        const tick = Date.now();
        const habitId = habitIds[i % 3];
        const logDate = addDays(today, -Math.floor(i / 3));
        const res = await call(`${url1}/api/habit-logs`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ habitId, logDate, status: i % 5 === 0 ? 'skipped' : 'done' }),
        });
        outcomes.push({ at: Date.now(), status: res.status, what: `log ${i}` });
        if (res.status === 201 || res.status === 200)
          acked.push({
            habitId,
            logDate,
            logId: res.body.log.id,
            ackedAt: Date.now(),
            startedAt: tick,
          });
        await sleep(Math.max(0, 100 - (Date.now() - tick)));
      }
    })();
    const reader = (async () => {
      while (running) {
        const res = await call(`${url2}/api/analytics/dashboard`, { headers: auth });
        outcomes.push({ at: Date.now(), status: res.status, what: 'dashboard' });
        await sleep(250);
      }
    })();
    const readiness = async (url: string) =>
      (await call(`${url}/api/health/ready`)).body as { redis: string; database: string } | null;

    await waitFor('the first live events', async () => arrivals.size >= 5, 20_000);

    // Redis down for 30 s.
    await redis.stop();
    const redisDownAt = Date.now();
    const reportedUnavailable = await waitFor(
      'readiness to report redis: unavailable on both APIs',
      async () => {
        const states = await Promise.all([url1, url2].map(readiness));
        return states.every((s) => s?.redis === 'unavailable') && states;
      },
      10_000,
      200,
    );
    await sleep(Math.max(0, REDIS_DOWN_MS - (Date.now() - redisDownAt)));
    await redis.start();
    const redisUpAt = Date.now();
    await waitFor(
      'readiness to report redis: ok on both APIs',
      async () => (await Promise.all([url1, url2].map(readiness))).every((s) => s?.redis === 'ok'),
      15_000,
    );
    const redisReadyAt = Date.now();
    // Live delivery across the APIs again: the event of a log made after Redis returned.
    const redisLiveAt = await waitFor(
      'a live event of a log made after Redis returned',
      async () => {
        const seqs = acked
          .filter((a) => a.startedAt >= redisUpAt)
          .map((a) => logIdToSeq.get(a.logId))
          .filter((s): s is number => s !== undefined);
        return seqs.length > 0 && Math.min(...seqs.map((s) => arrivals.get(s)!));
      },
      15_000,
    );
    const redisRecoveryMs = Math.max(redisReadyAt, redisLiveAt) - redisUpAt;

    await sleep(2_000);

    // PostgreSQL cut for 10 s.
    await proxy.cut();
    const cutAt = Date.now();
    await sleep(3_000);
    const duringCut = await Promise.all([url1, url2].map(readiness));
    await sleep(Math.max(0, DATABASE_CUT_MS - (Date.now() - cutAt)));
    await proxy.restore();
    const restoredAt = Date.now();
    const firstWriteAfter = await waitFor(
      'a log acknowledged after PostgreSQL returned',
      async () => acked.find((a) => a.startedAt >= restoredAt)?.ackedAt,
      15_000,
    );
    const databaseRecoveryMs = firstWriteAfter - restoredAt;
    await sleep(2_000);
    running = false;
    await Promise.all([writer, reader]);

    // Everything recorded is delivered (live, or by the relays' sweep after the faults).
    const direct = new Client({ connectionString: db.url });
    await direct.connect();
    try {
      await waitFor(
        'the outbox to drain',
        async () =>
          (
            await direct.query(
              'SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL',
            )
          ).rows[0].n === 0,
        30_000,
        200,
      );
      const stored = await direct.query<{ habit_id: string; log_date: string; id: string }>(
        `SELECT id, habit_id, to_char(log_date, 'YYYY-MM-DD') AS log_date FROM habit_logs WHERE habit_id = ANY($1::uuid[])`,
        [habitIds],
      );
      const storedKeys = new Set(stored.rows.map((r) => `${r.id} ${r.habit_id} ${r.log_date}`));
      const missingLogs = acked.filter(
        (a) => !storedKeys.has(`${a.logId} ${a.habitId} ${a.logDate}`),
      );
      const { rows: outbox } = await direct.query<{ seq: string }>(
        'SELECT seq FROM outbox_events WHERE user_id = $1 ORDER BY seq',
        [(user.user as { id: string }).id],
      );
      const seqs = outbox.map((r) => Number(r.seq));
      await sleep(500); // let the last emits land
      const notLive = seqs.filter((s) => !arrivals.has(s));
      const caughtUp = await call(
        `${url2}/api/events?since=${Math.max(0, Math.min(...notLive, seqs.length + 1) - 1)}&limit=500`,
        {
          headers: auth,
        },
      );
      const caughtUpSeqs = new Set(
        ((caughtUp.body?.events ?? []) as ServerEvent[]).map((e) => e.seq),
      );

      const unexpected = outcomes.filter(
        (o) =>
          !(o.status >= 200 && o.status < 300) &&
          !(o.status === 503 && o.at >= cutAt && o.at <= restoredAt + RECOVERY_MS),
      );
      const figures = {
        writesAcknowledged: acked.length,
        writes503DuringCut: outcomes.filter((o) => o.what !== 'dashboard' && o.status === 503)
          .length,
        reads: outcomes.filter((o) => o.what === 'dashboard').length,
        redisRecoveryMs,
        databaseRecoveryMs,
        events: seqs.length,
        eventsLive: seqs.length - notLive.length,
        eventsByCatchUp: notLive.filter((s) => caughtUpSeqs.has(s)).length,
      };
      console.log(`fault drill figures: ${JSON.stringify(figures)}`);

      expect(processes.map((p) => p.child.exitCode ?? p.child.signalCode)).toEqual([
        null,
        null,
        null,
      ]);
      for (const p of processes)
        expect(p.output()).not.toMatch(/unhandled rejection|Unhandled error/i);
      expect(reportedUnavailable.map((s) => s?.redis)).toEqual(['unavailable', 'unavailable']);
      expect(duringCut.map((s) => s?.database)).toEqual(['unavailable', 'unavailable']);
      expect(unexpected).toEqual([]);
      expect(missingLogs).toEqual([]);
      expect(acked.length).toBeGreaterThan(300);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(notLive.filter((s) => !caughtUpSeqs.has(s))).toEqual([]);
      expect(socketDropped).toBe(false);
      expect(redisRecoveryMs).toBeLessThanOrEqual(RECOVERY_MS);
      expect(databaseRecoveryMs).toBeLessThanOrEqual(RECOVERY_MS);
    } finally {
      await direct.end();
    }
  }, 300_000);
});

/**
 * `npm run bench`: the benchmark of issue 18 (and the jobs simulation of issue 19). See USAGE in
 * options.ts and the README's "Benchmark" section. Entry point: scripts/bench.js → main(argv).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import {
  captureRequest,
  CapturedRequest,
  firstDifference,
  transactions,
  writeShape,
} from './capture';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  migrate,
  serverVersion,
  withClient,
} from './database';
import {
  addOutboxEvents,
  BenchUser,
  countRows,
  DataSetCounts,
  DataSetSize,
  generateDataSet,
  loadUsers,
} from './dataset';
import type { JobRun } from './job-runner';
import { LoadResult, runLoad } from './load';
import {
  ALL_SCENARIOS,
  BenchOptions,
  HTTP_SCENARIOS,
  HttpScenarioName,
  parseOptions,
  SCENARIO_DESCRIPTIONS,
  USAGE,
} from './options';
import {
  childEnv,
  Managed,
  Processes,
  tail,
  waitForHttp,
  waitForLine,
  waitForUrl,
} from './processes';
import { describeMachine, loadAverage, Machine, renderTable, Row, writeSection } from './report';
import { httpScenario, logWriter, ServerKind } from './scenarios';
import { Sessions } from './sessions';
import { runSocketLatency } from './sockets';
import { DIST, fmt, freePort, randomSuffix, say, sleep } from './util';

/** "3 years" or "30 days". */
const history = (days: number) => {
  const years = Math.round(days / 365.25);
  return years >= 1 && Math.round(years * 365.25) === days ? `${years} years` : `${days} days`;
};

interface Server {
  managed: Managed;
  url: string;
}

interface JobSummary {
  title: string;
  habits: number;
  first: JobRun;
  second: JobRun;
}

export async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv, process.env);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    for (const name of ALL_SCENARIOS)
      console.log(`${name.padEnd(17)} ${SCENARIO_DESCRIPTIONS[name]}`);
    return 0;
  }
  return new Bench(options).run();
}

class Bench {
  private readonly processes: Processes;
  private readonly databases: string[] = [];
  private readonly sessions = new Sessions();
  private readonly jwtSecret = randomBytes(32).toString('base64url');
  private readonly workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'habit-tracker-bench-'));
  private readonly rows: Row[] = [];
  private readonly notes: string[] = [];
  private readonly jobs: JobSummary[] = [];
  private captured: {
    write: CapturedRequest;
    writeNoGoal: CapturedRequest | null;
    sameSql: CapturedRequest | null;
  } | null = null;
  private cleaned: Promise<void> | null = null;

  constructor(private readonly options: BenchOptions) {
    this.processes = new Processes(path.join(this.workDir, 'logs'));
  }

  private has(name: string): boolean {
    return (this.options.scenarios as string[]).includes(name);
  }

  async run(): Promise<number> {
    const onSignal = (signal: NodeJS.Signals) => {
      say(`${signal}: stopping what the bench started and dropping its databases…`);
      void this.cleanup().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.on('exit', () => this.processes.killAllNow());
    try {
      const code = await this.measure();
      // The processes' logs are kept only when something went wrong (or with --keep).
      if (code === 0 && !this.options.keep) await this.cleanup().then(() => this.removeWorkDir());
      else say(`process logs are in ${this.processes.logDir}`);
      return code;
    } catch (error) {
      say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      say(`process logs are in ${this.processes.logDir}`);
      return 1;
    } finally {
      await this.cleanup();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }

  private removeWorkDir(): void {
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }

  private cleanup(): Promise<void> {
    this.cleaned ??= (async () => {
      await this.processes.stopAll();
      for (const name of this.databases) {
        if (this.options.keep) {
          say(`kept database ${name}`);
          continue;
        }
        await dropDatabase(this.options.pgUrl, name).catch((error: Error) =>
          say(`could not drop ${name}: ${error.message}`),
        );
      }
    })();
    return this.cleaned;
  }

  private async measure(): Promise<number> {
    const o = this.options;
    const startedAt = new Date();
    const loadBefore = loadAverage();
    const httpNames = o.scenarios.filter((s): s is HttpScenarioName =>
      (HTTP_SCENARIOS as readonly string[]).includes(s),
    );
    const needsUsers = httpNames.length > 0 || this.has('socket') || this.has('socket-scaled');
    const maxConnections = Math.max(...o.connections);
    const size: DataSetSize = {
      users: needsUsers ? Math.max(o.users, maxConnections) : o.users,
      habits: o.habits,
      days: o.days,
      outboxEvents: o.outboxEvents,
    };
    if (size.users > o.users)
      this.notes.push(
        `${o.users} users asked for; ${size.users} made so that each of ${maxConnections} connections is its own user.`,
      );
    const postgres = await serverVersion(o.pgUrl).catch((error: Error) => {
      throw new Error(`PostgreSQL at ${o.pgUrl} does not answer (${error.message}); see --pg`);
    });
    say(
      `${o.mode} run: ${size.users} users × ${size.habits} habits × ${history(size.days)}; scenarios ${o.scenarios.join(', ')}${needsUsers ? `; connections ${o.connections.join(', ')}; ${o.pairs} pair(s) of ${o.duration} s` : ''}`,
    );

    // ---- the data set ----------------------------------------------------------------------
    const name = `ht_bench_${randomSuffix()}`;
    const appDb = databaseUrl(o.pgUrl, name);
    await createDatabase(o.pgUrl, name);
    this.databases.push(name);
    await migrate(appDb, this.jwtSecret);
    let t = Date.now();
    say(`generating the data set in ${name}…`);
    const counts0 = await generateDataSet(appDb, size, new Date());
    const generateSeconds = (Date.now() - t) / 1000;
    say(
      `${counts0.logs.toLocaleString('en-US')} logs in ${generateSeconds.toFixed(1)} s; statistics rebuild (the app's CLI)…`,
    );
    t = Date.now();
    await this.runCli('stats-rebuild', appDb, ['rebuild']);
    const rebuildSeconds = (Date.now() - t) / 1000;
    await addOutboxEvents(appDb, size);
    const counts = await withClient(appDb, countRows);
    say(`statistics of ${counts.habits} habits rebuilt in ${rebuildSeconds.toFixed(1)} s`);
    const users = await loadUsers(appDb, new Date());

    const needsServers = this.has('log-write') || this.has('me');
    const baseName = `${name}_base`;
    const baseDb = databaseUrl(o.pgUrl, baseName);
    if (needsServers) {
      await createDatabase(o.pgUrl, baseName, name);
      this.databases.push(baseName);
    }

    // ---- statements of a log write, and the same-SQL server's check ---------------------------
    // (on the baseline's copy, while the measured processes start: nothing is measured yet)
    const capturing = this.has('log-write') ? this.capture(baseDb, users[0]) : null;

    // ---- HTTP and one-API socket scenarios ---------------------------------------------------
    let stopping: Promise<void> = Promise.resolve();
    if (httpNames.length > 0 || this.has('socket')) {
      const [app, servers] = await Promise.all([
        this.startApp('api', appDb, {}, undefined, this.options.cpuProfDir),
        needsServers ? this.startServers(baseDb) : null,
        capturing,
      ]);
      await this.sessions.ensure(app.url, users.slice(0, maxConnections));
      const latestSeq = await withClient(appDb, async (c) => {
        const { rows } = await c.query('SELECT id, event_seq FROM users');
        return new Map<string, number>(rows.map((r) => [r.id, Number(r.event_seq)]));
      });
      for (const scenario of httpNames) {
        for (const c of o.connections) {
          await this.sessions.ensure(app.url, users.slice(0, c));
          await this.httpScenario(scenario, c, users, latestSeq, app, servers);
        }
      }
      if (this.has('socket'))
        for (const c of o.connections) {
          await this.sessions.ensure(app.url, users.slice(0, c));
          await this.socketScenario('socket', c, users.slice(0, c), app, app);
        }
      stopping = Promise.all([
        this.processes.stop(app.managed),
        servers ? this.processes.stop(servers.managed) : undefined,
      ]).then(() => undefined);
    }

    // The job runners boot now (Nest, TypeORM) and wait for their turn, to save time.
    const rollover = this.has('rollover') ? this.prepareJob('rollover', appDb) : null;
    const risk = this.has('risk') ? this.prepareJob('risk', appDb) : null;

    // Nothing else may be starting or stopping while the scaled pair is measured.
    const settled = Promise.all([
      stopping,
      ...[rollover, risk].map((r) => (r ? waitForLine(r, 'BENCH_READY') : undefined)),
    ]).then(() => undefined);
    settled.catch(() => undefined); // awaited below; this only keeps an early failure "handled"

    // ---- scaled mode: two APIs and Redis -------------------------------------------------------
    if (this.has('socket-scaled')) await this.scaled(appDb, users, settled);
    await settled;

    // ---- scheduled jobs over every user --------------------------------------------------------
    if (rollover) await this.job('rollover', appDb, rollover);
    if (risk) await this.job('risk', appDb, risk);

    // ---- the figures are still right ---------------------------------------------------------
    say('stats:verify on the bench database (the app’s CLI)…');
    const verify = await this.runCli('stats-verify', appDb, ['verify'], true);
    if (verify.differences > 0) {
      const shown = verify.output.split('\n').filter((l) => /^(habit|goal) /.test(l));
      this.notes.push(
        `stats:verify found ${verify.differences} differences, e.g.: ${shown.slice(0, 5).join('; ')}`,
      );
    }

    const finishedAt = new Date();
    const redisVersion = this.redisVersion ?? '–';
    const machine = describeMachine(postgres, redisVersion);
    const markdown = this.report({
      machine,
      startedAt,
      finishedAt,
      loadBefore,
      loadAfter: loadAverage(),
      size,
      counts,
      generateSeconds,
      rebuildSeconds,
      verify,
    });
    console.log(`\n${markdown}\n`);
    if (o.label) {
      const file = await writeSection(o.label, markdown);
      say(`written to ${path.relative(process.cwd(), file)} (section "${o.label}")`);
    }
    return verify.differences === 0 ? 0 : 1;
  }

  // ---- processes ------------------------------------------------------------------------------

  private appEnv(dbUrl: string, port: number, extra: Record<string, string> = {}) {
    return childEnv({
      DATABASE_URL: dbUrl,
      JWT_SECRET: this.jwtSecret,
      HOST: '127.0.0.1',
      PORT: String(port),
      QUERY_COUNT_HEADER: 'true',
      WEB_DIST_DIR: 'none',
      SCHEDULED_JOBS: 'false',
      ...extra,
    });
  }

  /**
   * Starts the built API on a port the OS picks (PORT=0) and reads the address from its "ready"
   * line: a port chosen beforehand could be taken by another process on a shared machine, and
   * a health check would then be answered by someone else.
   */
  private async startApp(
    name: string,
    dbUrl: string,
    extra: Record<string, string> = {},
    traceFile?: string,
    cpuProfDir?: string | null,
  ): Promise<Server> {
    const main = path.join(DIST, 'apps', 'api', 'src', 'main.js');
    const args = traceFile ? ['--require', path.join(DIST, 'bench', 'pg-trace.js'), main] : [main];
    if (cpuProfDir) args.unshift('--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`);
    const env = this.appEnv(dbUrl, 0, traceFile ? { ...extra, BENCH_PG_TRACE: traceFile } : extra);
    const managed = this.processes.start(name, process.execPath, args, env);
    const url = await waitForUrl(managed, /ready in \S+ mode at (http:\/\/127\.0\.0\.1:\d+)/);
    await waitForHttp(`${url}/api/health/ready`, managed);
    return { managed, url };
  }

  private async startServers(dbUrl: string, traceFile?: string): Promise<Server> {
    const entry = path.join(DIST, 'bench', 'bench-servers.js');
    const args = traceFile
      ? ['--require', path.join(DIST, 'bench', 'pg-trace.js'), entry]
      : [entry];
    const managed = this.processes.start(
      traceFile ? 'bench-servers-traced' : 'bench-servers',
      process.execPath,
      args,
      childEnv({
        DATABASE_URL: dbUrl,
        JWT_SECRET: this.jwtSecret,
        PORT: '0',
        ...(traceFile ? { BENCH_PG_TRACE: traceFile } : {}),
      }),
    );
    const url = await waitForUrl(managed, /bench servers at (http:\/\/127\.0\.0\.1:\d+)/);
    await waitForHttp(`${url}/health`, managed);
    return { managed, url };
  }

  /** Runs the app's stats CLI (dist) on the bench database; `verify` output is parsed. */
  private async runCli(
    name: string,
    dbUrl: string,
    args: string[],
    parse = false,
  ): Promise<{ differences: number; output: string }> {
    const managed = this.processes.start(
      name,
      process.execPath,
      [path.join(DIST, 'apps', 'api', 'src', 'cli', 'stats.js'), ...args],
      this.appEnv(dbUrl, 0),
    );
    const code = await managed.exited;
    await this.processes.stop(managed);
    const output = fs.readFileSync(managed.logFile, 'utf8');
    if (!parse) {
      if (code !== 0)
        throw new Error(`stats ${args.join(' ')} failed (exit ${code}):\n${tail(managed.logFile)}`);
      return { differences: 0, output };
    }
    const match = /(\d+) differences/.exec(output);
    if (!match)
      throw new Error(`stats ${args.join(' ')} printed no result:\n${tail(managed.logFile)}`);
    return { differences: Number(match[1]), output };
  }

  // ---- scenarios ------------------------------------------------------------------------------

  private async capture(dbUrl: string, user: BenchUser): Promise<void> {
    say('listing the statements of a log write (traced processes, not measured)…');
    const appTrace = path.join(this.workDir, 'app-trace.jsonl');
    const serversTrace = path.join(this.workDir, 'servers-trace.jsonl');
    const [app, servers] = await Promise.all([
      this.startApp('api-traced', dbUrl, {}, appTrace),
      this.startServers(dbUrl, serversTrace),
    ]);
    try {
      await this.sessions.ensure(app.url, [user]);
      const token = this.sessions.token(user);
      const body = logWriter(user);
      const habits = user.habits.map((h) => h.id);
      const withGoal = user.habits.find((h) => h.inGoal && h.status === 'active');
      const withoutGoal = user.habits.find((h) => !h.inGoal && h.status === 'active');
      const send = (base: string, route: string, habitId: string | undefined) => async () => {
        const res = await fetch(`${base}${route}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body(0), ...(habitId ? { habitId } : {}) }),
        });
        if (res.status !== 200 && res.status !== 201)
          throw new Error(`capture: ${route} answered ${res.status} ${await res.text()}`);
        return Number(res.headers.get('x-query-count'));
      };
      const goalHabit = withGoal?.id ?? habits[0];
      const write = await captureRequest(appTrace, send(app.url, '/api/habit-logs', goalHabit));
      const sameSql = await captureRequest(
        serversTrace,
        send(servers.url, '/same-sql/habit-logs', goalHabit),
      );
      const writeNoGoal = withoutGoal
        ? await captureRequest(appTrace, send(app.url, '/api/habit-logs', withoutGoal.id))
        : null;
      this.captured = { write, writeNoGoal, sameSql };
      const difference = firstDifference(writeShape(write), writeShape(sameSql));
      if (difference) {
        this.notes.push(
          `The "same SQL, no framework" server no longer sends the app's statements (${difference}): update bench/bench-servers.ts so that it mirrors the app again.`,
        );
        say(`WARNING: same-SQL server differs from the app: ${difference}`);
      }
    } finally {
      await this.processes.stop(app.managed);
      await this.processes.stop(servers.managed);
    }
  }

  private async httpScenario(
    name: HttpScenarioName,
    connections: number,
    allUsers: BenchUser[],
    latestSeq: Map<string, number>,
    app: Server,
    servers: Server | null,
  ): Promise<void> {
    const o = this.options;
    const users = allUsers.slice(0, connections);
    const scenario = httpScenario(name, { users, sessions: this.sessions, latestSeq });
    const target = (server: ServerKind) =>
      server === 'app'
        ? app
        : (servers ??
          (() => {
            throw new Error('comparison servers not started');
          })());
    say(`${scenario.title}, ${connections} connection(s)…`);
    const run = (v: (typeof scenario.variants)[number], duration: number) =>
      runLoad({
        url: target(v.server).url,
        connections,
        duration,
        factory: v.factory,
        pids: [target(v.server).managed.pid],
      });
    // Quick runs warm each endpoint up once (at its first concurrency), except the cached
    // dashboard, whose cache each new user must fill first.
    const warm =
      o.warmup > 0 &&
      (o.mode !== 'quick' || connections === o.connections[0] || name === 'dashboard-cached');
    if (warm) for (const v of scenario.variants) await run(v, o.warmup);
    const results = scenario.variants.map(() => [] as LoadResult[]);
    for (let pair = 0; pair < o.pairs; pair++) {
      // A/B interleaved, the order flipped every pair so that drift favours no one.
      const order = scenario.variants.map((_, i) => i);
      if (pair % 2 === 1) order.reverse();
      for (const i of order) results[i].push(await run(scenario.variants[i], o.duration));
    }
    const baseline = scenario.variants.length > 1 ? results[scenario.variants.length - 1] : null;
    scenario.variants.forEach((v, i) => {
      this.addRow(
        scenario.title,
        v.label,
        String(connections),
        results[i],
        baseline && i < scenario.variants.length - 1
          ? results[i].map((r, p) => r.rps / baseline[p].rps)
          : null,
      );
    });
  }

  private addRow(
    scenario: string,
    server: string,
    connections: string,
    results: LoadResult[],
    ratio: number[] | null,
  ): void {
    const statements = results.map((r) => r.statements).filter((s) => Number.isFinite(s));
    this.rows.push({
      scenario,
      server,
      connections,
      rps: results.map((r) => r.rps),
      p50: results.map((r) => r.p50),
      p99: results.map((r) => r.p99),
      statements: statements.length
        ? statements.reduce((a, b) => a + b, 0) / statements.length
        : NaN,
      ratio,
      rssMb: Math.max(...results.map((r) => r.usage.peakRssMb)),
      cpuPercent: results.map((r) => r.usage.cpuPercent),
    });
    const failed: Record<string, number> = {};
    let errors = 0;
    for (const r of results) {
      errors += r.errors;
      for (const [status, n] of Object.entries(r.failures))
        failed[status] = (failed[status] ?? 0) + n;
    }
    const parts = Object.entries(failed).map(([status, n]) => `${n} × ${status}`);
    if (errors > 0) parts.push(`${errors} connection errors or timeouts`);
    if (parts.length > 0) {
      const note = `${scenario} (${server}, ${connections} conn.): ${parts.join(', ')}`;
      this.notes.push(note);
      say(`WARNING: ${note}`);
    }
  }

  private async socketScenario(
    name: 'socket' | 'socket-scaled',
    connections: number,
    users: BenchUser[],
    writeTo: Server,
    socketOn: Server,
  ): Promise<void> {
    const o = this.options;
    const title =
      name === 'socket' ? 'socket delivery, one API' : 'socket delivery, across two APIs (scaled)';
    say(`${title}, ${connections} connection(s)…`);
    const pids = [...new Set([writeTo.managed.pid, socketOn.managed.pid])];
    const run = (duration: number) =>
      runSocketLatency({
        writeUrl: writeTo.url,
        socketUrl: socketOn.url,
        users,
        sessions: this.sessions,
        duration,
        pids,
      });
    if (o.warmup > 0) await run(o.warmup);
    const results = [];
    for (let pair = 0; pair < o.pairs; pair++) results.push(await run(o.duration));
    this.addRow(
      title,
      pids.length > 1 ? 'app × 2 + Redis' : 'app',
      String(connections),
      results,
      null,
    );
    const early = results.reduce((a, r) => a + r.early, 0);
    const lost = results.reduce((a, r) => a + r.lost, 0);
    const total = results.reduce((a, r) => a + r.requests, 0);
    if (lost > 0)
      this.notes.push(
        `${title}, ${connections} conn.: ${lost} of ${total} events never arrived (5 s).`,
      );
    if (early > 0)
      this.notes.push(
        `${title}, ${connections} conn.: ${early} of ${total} events arrived before the write's response (counted as 0 ms).`,
      );
  }

  private redisVersion: string | null = null;

  /** `previous`: what starts or stops meanwhile (awaited before measuring). */
  private async scaled(appDb: string, users: BenchUser[], previous: Promise<void>): Promise<void> {
    let redisUrl = this.options.redisUrl;
    let ownRedis: Managed | null = null;
    if (!redisUrl) {
      const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
      if (probe.status !== 0) {
        this.notes.push('socket-scaled skipped: no redis-server on PATH (or pass --redis=URL).');
        say('socket-scaled skipped: no redis-server on PATH (pass --redis=URL)');
        return;
      }
      const port = await freePort();
      ownRedis = this.processes.start(
        'redis',
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        childEnv({}),
      );
      redisUrl = `redis://127.0.0.1:${port}`;
    }
    const redis = await this.waitForRedis(redisUrl);
    // The port was free a moment before; make sure the server answering is the one started here.
    if (ownRedis && redis.pid !== ownRedis.pid)
      throw new Error(
        `another Redis (pid ${redis.pid}) took port ${new URL(redisUrl).port}; run again`,
      );
    this.redisVersion = redis.version;
    const [api1, api2] = await Promise.all([
      this.startApp('api-scaled-1', appDb, { REDIS_URL: redisUrl }),
      this.startApp('api-scaled-2', appDb, { REDIS_URL: redisUrl }),
    ]);
    await previous;
    try {
      for (const c of this.options.connections) {
        await this.sessions.ensure(api1.url, users.slice(0, c));
        await this.socketScenario('socket-scaled', c, users.slice(0, c), api1, api2);
      }
    } finally {
      await this.processes.stop(api1.managed);
      await this.processes.stop(api2.managed);
      if (ownRedis) await this.processes.stop(ownRedis);
    }
  }

  private async waitForRedis(url: string): Promise<{ version: string; pid: number }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined); // a refused connection while it starts: retried below
      try {
        await client.connect();
        const info = await client.info('server');
        return {
          version: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
          pid: Number(/process_id:(\d+)/.exec(info)?.[1]),
        };
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`Redis at ${url} does not answer: ${(error as Error).message}`, {
            cause: error,
          });
        await sleep(100);
      } finally {
        client.disconnect();
      }
    }
  }

  /**
   * Starts a job runner that boots and then waits for `job()` to let it run (twice). Its clock
   * is a day ahead for the rollover (every user's day has started since the statistics and
   * checkpoints were computed, as at the first run after midnight) and two days ahead for the
   * risk scan, which then meets every habit again (risk only changes when a day starts).
   */
  private prepareJob(kind: 'rollover' | 'risk', appDb: string): Managed {
    const jobName = kind === 'rollover' ? 'day_rollover' : 'risk_detection';
    return this.processes.start(
      `jobs-${kind}`,
      process.execPath,
      [path.join(DIST, 'bench', 'job-runner.js'), jobName, jobName],
      {
        ...this.appEnv(appDb, 0),
        BENCH_JOB_WAIT: 'true',
        BENCH_DAYS_AHEAD: kind === 'rollover' ? '1' : '2',
      },
      'pipe',
    );
  }

  private async job(kind: 'rollover' | 'risk', appDb: string, runner: Managed): Promise<void> {
    await waitForLine(runner, 'BENCH_READY');
    const habits = await withClient(appDb, async (c) => {
      const { rows } = await c.query(
        'SELECT count(*)::int AS n FROM habits h JOIN users u ON u.id = h.user_id WHERE u.is_active',
      );
      return rows[0].n as number;
    });
    const title =
      kind === 'rollover'
        ? `day rollover, all users (${habits.toLocaleString('en-US')} habits)`
        : `risk scan, all users, a day later (${habits.toLocaleString('en-US')} habits)`;
    say(`${title}…`);
    runner.child.stdin?.end('go\n');
    const code = await runner.exited;
    await this.processes.stop(runner);
    const [first, second] = this.jobRuns(runner.logFile, code);
    this.jobs.push({ title, habits, first, second });
    this.rows.push({
      scenario: title,
      server: 'job (habits/s)',
      connections: '1',
      rps: [habits / (first.ms / 1000)],
      p50: [],
      p99: [],
      statements: first.statements / habits,
      ratio: null,
      rssMb: first.peakRssMb,
      cpuPercent: [(first.cpuMs / first.ms) * 100],
    });
  }

  private jobRuns(logFile: string, code: number | null): JobRun[] {
    const runs = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('BENCH_JOB '))
      .map((l) => JSON.parse(l.slice('BENCH_JOB '.length)) as JobRun);
    if (code !== 0 || runs.length < 2)
      throw new Error(`job runner failed (exit ${code}):\n${tail(logFile)}`);
    return runs;
  }

  // ---- the report -----------------------------------------------------------------------------

  private report(r: {
    machine: Machine;
    startedAt: Date;
    finishedAt: Date;
    loadBefore: string;
    loadAfter: string;
    size: DataSetSize;
    counts: DataSetCounts;
    generateSeconds: number;
    rebuildSeconds: number;
    verify: { differences: number; output: string };
  }): string {
    const o = this.options;
    const m = r.machine;
    const minutes = (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000;
    const c = r.counts;
    const lines: string[] = [];
    const label = o.label ?? 'run';
    lines.push(
      `## ${label[0].toUpperCase()}${label.slice(1)}: ${o.mode} run of ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
    lines.push('');
    lines.push(
      `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.kernel}; Node ${m.node}; PostgreSQL ${m.postgres}; Redis ${m.redis}.`,
    );
    lines.push(`- Code: commit ${m.commit}.`);
    lines.push(
      `- Load average (1 / 5 / 15 min): ${r.loadBefore} at the start, ${r.loadAfter} at the end. The bench, autocannon and PostgreSQL share the machine with whatever else runs on it.`,
    );
    lines.push(
      o.mode === 'jobs'
        ? `- Options: the jobs simulation (${o.scenarios.join(', ')}); the whole run took ${minutes.toFixed(1)} min.`
        : `- Options: ${o.scenarios.length} scenarios, connections ${o.connections.join(' and ')}, ${o.pairs} A/B pair(s) of ${o.duration} s after ${o.warmup} s of warm-up per server${o.mode === 'quick' ? ' (at the first concurrency only, and for the cached dashboard)' : ''}; the whole run took ${minutes.toFixed(1)} min.`,
    );
    lines.push(
      `- Data set: ${r.size.users} users × ${r.size.habits} habits × ${history(r.size.days)} — ${c.habits.toLocaleString('en-US')} habits, ${c.logs.toLocaleString('en-US')} logs, ${c.schedules.toLocaleString('en-US')} schedule versions, ${c.pauses} pauses, ${c.goals} goals (${c.goalLinks} links), ${c.outboxEvents.toLocaleString('en-US')} outbox events; generated with SQL in ${r.generateSeconds.toFixed(1)} s, statistics rebuilt by \`stats rebuild\` in ${r.rebuildSeconds.toFixed(1)} s (${fmt(c.habits / r.rebuildSeconds)} habits/s).`,
    );
    lines.push('');
    lines.push(
      'req/s: median (min–max) of the runs; p50/p99 in ms (socket rows: from the write’s response to the event); stmts/req: mean `x-query-count` (the app’s own count; the outbox relay’s statements after the response are not in it); × baseline: req/s ÷ the baseline’s in the same A/B pair; RSS: peak of the server process(es); CPU: of the server process(es), % of one core.',
    );
    lines.push('');
    lines.push(renderTable(this.rows));
    lines.push('');
    if (this.captured) {
      const { write, writeNoGoal, sameSql } = this.captured;
      const relay = transactions(write.after);
      lines.push(
        `**Statements of one log write** (app, traced in a separate unmeasured process): ${write.request.length} in the request for a habit linked to a goal${writeNoGoal ? `, ${writeNoGoal.request.length} for one without` : ''}, plus ${relay[0]?.length ?? 0} of the outbox relay's transaction after the response:`,
      );
      lines.push('');
      const all = [
        ...write.request.map((s) => ['', s]),
        ...(relay[0] ?? []).map((s) => ['relay: ', s]),
      ];
      all.forEach(([prefix, s], i) =>
        lines.push(`${i + 1}. ${prefix}\`${s.length > 110 ? `${s.slice(0, 107)}…` : s}\``),
      );
      lines.push('');
      if (relay.length > 1)
        lines.push(
          `This time the relay also ran ${relay.length - 1} more transaction(s) (${relay
            .slice(1)
            .map((t) => t.length)
            .join(
              ', ',
            )} statements)${relay.slice(1).every((t) => !t.some((x) => x.startsWith('UPDATE outbox_events'))) ? ' that delivered nothing' : ''} before the process went quiet: a second wake-up, such as its once-a-second sweep seeing the event before the first pass had marked it delivered. Not part of the comparison below.`,
          '',
        );
      if (sameSql) {
        const same = firstDifference(writeShape(write), writeShape(sameSql));
        lines.push(
          same
            ? `The "same SQL, no framework" server does NOT match these statements: ${same}.`
            : `The "same SQL, no framework" server sends exactly these ${writeShape(sameSql).length} statements (checked in this run).`,
        );
        lines.push('');
      }
    }
    for (const j of this.jobs) {
      const f = j.first;
      const s = j.second;
      lines.push(
        `**${j.title}**: ${(f.ms / 1000).toFixed(1)} s (${fmt(j.habits / (f.ms / 1000))} habits/s, CPU ${(f.cpuMs / 1000).toFixed(1)} s in the job's process), report ${JSON.stringify(f.report)}, ${f.statements.toLocaleString('en-US')} statements; a second run: ${(s.ms / 1000).toFixed(2)} s, ${s.statements} statements, report ${JSON.stringify(s.report)}, ${s.habitsChanged} habit rows changed (the first: ${f.habitsChanged}). At the first run's rate, 1,000,000 habits take ${fmt(1_000_000 / (j.habits / (f.ms / 1000)) / 3600)} h of one process.`,
      );
      lines.push('');
    }
    lines.push(
      r.verify.differences === 0
        ? '`stats:verify` on the bench database after the run: **0 differences**.'
        : `\`stats:verify\` on the bench database after the run: **${r.verify.differences} differences**.`,
    );
    if (this.notes.length > 0) {
      lines.push('');
      lines.push('Notes:');
      lines.push('');
      for (const n of this.notes) lines.push(`- ${n}`);
    }
    return lines.join('\n');
  }
}

/** Command-line options of `npm run bench`, with the defaults of each mode. */

export const HTTP_SCENARIOS = [
  'log-write',
  'me',
  'live',
  'habits',
  'dashboard-cold',
  'dashboard-cached',
  'heatmap-all',
  'heatmap-habit',
  'weekly',
  'monthly',
  'trend',
  'adaptive',
  'events',
] as const;
export const SOCKET_SCENARIOS = ['socket', 'socket-scaled'] as const;
/** Scheduled jobs run for every user at once (the `--jobs` simulation runs only these). */
export const JOB_SCENARIOS = ['rollover', 'risk'] as const;

export type HttpScenarioName = (typeof HTTP_SCENARIOS)[number];
export type SocketScenarioName = (typeof SOCKET_SCENARIOS)[number];
export type JobScenarioName = (typeof JOB_SCENARIOS)[number];
export type ScenarioName = HttpScenarioName | SocketScenarioName | JobScenarioName;

export const ALL_SCENARIOS: readonly ScenarioName[] = [
  ...HTTP_SCENARIOS,
  ...SOCKET_SCENARIOS,
  ...JOB_SCENARIOS,
];

/** What each scenario measures (for `--list` and the report). */
export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  'log-write':
    'POST /api/habit-logs, each connection its own user logging its habits (today and recent days); A/B against the same SQL without the framework and a bare one-statement write',
  me: 'GET /api/auth/me; A/B against a bare node:http + pg endpoint doing one SELECT',
  live: "GET /api/health/live: the framework's floor (no database)",
  habits: 'GET /api/habits (every habit of the user)',
  'dashboard-cold':
    'GET /api/analytics/dashboard right after a log write of the same user (the cache is invalidated); only the dashboard is timed',
  'dashboard-cached': 'GET /api/analytics/dashboard served from the per-user cache',
  'heatmap-all': 'GET /api/analytics/heatmap (all habits, the default 365 days)',
  'heatmap-habit': 'GET /api/analytics/habits/{id}/heatmap (the default 365 days)',
  weekly: 'GET /api/analytics/habits/{id}/weekly?weeks=12',
  monthly: 'GET /api/analytics/habits/{id}/monthly?months=24',
  trend: 'GET /api/analytics/habits/{id}/consistency-trend?days=365',
  adaptive: 'GET /api/suggestions/habits/{id}/adaptive',
  events: 'GET /api/events?since=…&limit=100 (a reconnecting client catching up 100 events)',
  socket:
    "log write returned → habit_logged on the same user's other socket, one API (PostgreSQL mode)",
  'socket-scaled':
    'the same across two APIs in scaled mode (write to API 1, socket on API 2, Redis adapter)',
  rollover:
    'the day rollover job for every user (statistics moved back one day first), then a second run that should find nothing',
  risk: 'the risk detection job over every user (a second run changes nothing)',
};

export interface BenchOptions {
  mode: 'full' | 'quick' | 'jobs';
  /** Users with a full history; raised to the highest connection count (one user per connection). */
  users: number;
  habits: number;
  /** Days of history (from --years, or --days). */
  days: number;
  scenarios: ScenarioName[];
  connections: number[];
  /** Seconds per measured run. */
  duration: number;
  pairs: number;
  /** Seconds of warm-up per server, scenario and connection count before the measured runs. */
  warmup: number;
  /** Events kept in each user's outbox for the catch-up read. */
  outboxEvents: number;
  /** Section of docs/performance.md to write (null: print only). */
  label: string | null;
  keep: boolean;
  /** Directory for a V8 CPU profile of the measured API (`node --cpu-prof`), or null. */
  cpuProfDir: string | null;
  pgUrl: string;
  redisUrl: string | null;
  help: boolean;
  list: boolean;
}

export const USAGE = `npm run bench [-- options]

Builds the server if needed, generates a data set with SQL in a fresh PostgreSQL database, starts
the built API (PostgreSQL mode), a bare node:http + pg baseline and a "same SQL, no framework"
server, and a scaled pair of APIs with Redis; measures each scenario with autocannon, A/B
interleaved; prints one table and writes it to docs/performance.md. Everything it starts is
stopped and its databases dropped at the end (also on failure and Ctrl-C).

  --quick              development loop (about 2 minutes): 10 habits × 1 year, one 1 s run each
  --jobs               the scheduled-jobs simulation only (issue 19): 2,000 users × 50 habits ×
                       3 years, day rollover and risk scan for all of them (generating 3 years for
                       100,000 habits takes hours on 2 cores: --days=30, or fewer --users)
  --users=N            users with a full history (default 20; at least the highest --connections,
                       so that every connection is its own user)
  --habits=N           habits per user (default 50)
  --years=N            years of history (default 3)
  --days=N             days of history instead (at least 14; e.g. 30 against --years=3 to show
                       what history length costs)
  --scenarios=a,b      run only these (see --list); default all
  --connections=1,32   concurrency levels of every HTTP and socket scenario (default 1,32)
  --duration=S         seconds per measured run (default 8; quick 1)
  --pairs=N            A/B pairs per scenario and concurrency (default 3; quick 1)
  --warmup=S           warm-up seconds per server, scenario and concurrency (default 2; quick
                       0.5, at the first concurrency only)
  --outbox-events=N    delivered events kept per user for the catch-up read (default 300)
  --label=NAME         write the results to the section NAME of docs/performance.md
                       (default "latest", "latest-quick" or "latest-jobs")
  --no-write           print only; leave docs/performance.md alone
  --keep               keep the bench databases (their names are printed) for inspection
  --cpu-prof=DIR       run the measured API (not the traced, scaled or comparison ones) under
                       node --cpu-prof, writing its .cpuprofile to DIR when it stops; profiling
                       slows it, so its figures in that run are not comparable
  --pg=URL             PostgreSQL server to create the databases on
                       (default $BENCH_PG_URL, $TEST_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --redis=URL          Redis for the scaled-mode scenario (default: start redis-server on a free
                       port; $BENCH_REDIS_URL also works): one only the bench uses
  --list               list the scenarios and exit
  --help               this text`;

function positiveInt(name: string, raw: string, max = 1_000_000): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new Error(`--${name} must be an integer from 1 to ${max} (got "${raw}")`);
  return Number(raw);
}

function seconds(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > 3600)
    throw new Error(`--${name} must be a number of seconds from ${min} to 3600 (got "${raw}")`);
  return value;
}

export function parseOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}" (see --help)`);
    flags.set(match[1], match[2] ?? 'true');
  }
  const known = new Set([
    'quick',
    'jobs',
    'users',
    'habits',
    'years',
    'days',
    'scenarios',
    'connections',
    'duration',
    'pairs',
    'warmup',
    'outbox-events',
    'label',
    'no-write',
    'keep',
    'cpu-prof',
    'pg',
    'redis',
    'list',
    'help',
  ]);
  for (const name of flags.keys())
    if (!known.has(name)) throw new Error(`unknown option --${name} (see --help)`);
  if (flags.has('days') && flags.has('years')) throw new Error('--days or --years, not both');
  if (flags.has('days') && Number(flags.get('days')) < 14)
    throw new Error('--days must be at least 14 (the writes log the last 7 days of habits)');
  if (flags.has('quick') && flags.has('jobs'))
    throw new Error('--quick and --jobs are separate modes');
  if (flags.get('cpu-prof') === 'true')
    throw new Error('--cpu-prof needs a directory: --cpu-prof=DIR');
  const mode = flags.has('jobs') ? 'jobs' : flags.has('quick') ? 'quick' : 'full';

  const defaults = {
    full: { users: 20, habits: 50, years: 3, duration: 8, pairs: 3, warmup: 2 },
    quick: { users: 20, habits: 10, years: 1, duration: 1, pairs: 1, warmup: 0.5 },
    jobs: { users: 2000, habits: 50, years: 3, duration: 8, pairs: 1, warmup: 0 },
  }[mode];

  const get = (name: string) => flags.get(name);
  const scenarios = get('scenarios')
    ? get('scenarios')!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : mode === 'jobs'
      ? [...JOB_SCENARIOS]
      : ALL_SCENARIOS.filter((s) => s !== 'risk');
  for (const s of scenarios)
    if (!(ALL_SCENARIOS as readonly string[]).includes(s))
      throw new Error(`unknown scenario "${s}"; one of: ${ALL_SCENARIOS.join(', ')}`);

  const connections = (get('connections') ?? '1,32')
    .split(',')
    .map((c) => positiveInt('connections', c.trim(), 1000));
  const label =
    get('no-write') !== undefined
      ? null
      : (get('label') ?? { full: 'latest', quick: 'latest-quick', jobs: 'latest-jobs' }[mode]);
  if (label !== null && !/^[a-z0-9][a-z0-9-]{0,40}$/.test(label))
    throw new Error('--label must be lower-case letters, digits and dashes');

  return {
    mode,
    users: get('users') ? positiveInt('users', get('users')!, 100_000) : defaults.users,
    habits: get('habits') ? positiveInt('habits', get('habits')!, 500) : defaults.habits,
    days: get('days')
      ? positiveInt('days', get('days')!, 7_305)
      : Math.round(
          (get('years') ? positiveInt('years', get('years')!, 20) : defaults.years) * 365.25,
        ),
    scenarios: scenarios as ScenarioName[],
    connections: [...new Set(connections)].sort((a, b) => a - b),
    duration: get('duration') ? seconds('duration', get('duration')!, 1) : defaults.duration,
    pairs: get('pairs') ? positiveInt('pairs', get('pairs')!, 100) : defaults.pairs,
    warmup: get('warmup') ? seconds('warmup', get('warmup')!, 0) : defaults.warmup,
    outboxEvents: get('outbox-events')
      ? positiveInt('outbox-events', get('outbox-events')!, 100_000)
      : 300,
    label,
    keep: flags.has('keep'),
    cpuProfDir: get('cpu-prof') ?? null,
    pgUrl:
      get('pg') ??
      env.BENCH_PG_URL ??
      env.TEST_PG_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: get('redis') ?? env.BENCH_REDIS_URL ?? null,
    help: flags.has('help'),
    list: flags.has('list'),
  };
}

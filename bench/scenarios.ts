import type { BenchHabit, BenchUser } from './dataset';
import type { RequestFactory, RequestSpec } from './load';
import type { HttpScenarioName } from './options';
import type { Sessions } from './sessions';
import { requireDist } from './util';

type DomainLib = typeof import('@app/domain');

/** Which server answers a variant of a scenario. */
export type ServerKind = 'app' | 'same-sql' | 'bare';

export interface Variant {
  server: ServerKind;
  /** How the table names it. */
  label: string;
  factory: RequestFactory;
}

export interface HttpScenario {
  name: HttpScenarioName;
  title: string;
  /** The app first; the baseline (if any) last. */
  variants: Variant[];
}

/** Days back from today of successive writes: mostly today, some backfills of recent days. */
const DATE_OFFSETS = [0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 6];
const STATUSES = ['done', 'done', 'skipped', 'done', 'done', 'missed', 'done', 'done'] as const;

const loggable = (h: BenchHabit, today: string, addDays: DomainLib['addDays']) =>
  (h.status === 'active' || h.status === 'at_risk') && h.startDate <= addDays(today, -7);

export interface ScenarioContext {
  /** One user per connection: `users[i]` is connection i's. */
  users: BenchUser[];
  sessions: Sessions;
  /** Each user's newest event `seq` now (for the catch-up read). */
  latestSeq: Map<string, number>;
}

/** The requests of each scenario; recomputes every user's today first. */
export function httpScenario(name: HttpScenarioName, ctx: ScenarioContext): HttpScenario {
  const { addDays, userDayOf } = requireDist<DomainLib>('libs/domain/src/index.js');
  const now = new Date();
  const today = ctx.users.map((u) => userDayOf(now, u.timezone, u.dayStartHour));
  const writable = ctx.users.map((u, i) => {
    const habits = u.habits.filter((h) => loggable(h, today[i], addDays));
    if (habits.length === 0) throw new Error(`${u.email} has no habit to log`);
    return habits;
  });
  const token = (c: number) => ctx.sessions.token(ctx.users[c]);
  const get =
    (path: (c: number, i: number) => string): RequestFactory =>
    (c, i) => ({ method: 'GET', path: path(c, i), token: token(c) });
  const habitOf = (c: number, i: number) => {
    const habits = ctx.users[c].habits;
    return habits[i % habits.length].id;
  };
  const logWrite =
    (path: string): RequestFactory =>
    (c, i): RequestSpec => {
      const habits = writable[c];
      return {
        method: 'POST',
        path,
        token: token(c),
        body: {
          habitId: habits[i % habits.length].id,
          logDate: addDays(today[c], -DATE_OFFSETS[i % DATE_OFFSETS.length]),
          status: STATUSES[i % STATUSES.length],
        },
      };
    };
  const app = (factory: RequestFactory): Variant => ({ server: 'app', label: 'app', factory });

  switch (name) {
    case 'log-write':
      return {
        name,
        title: 'log write',
        variants: [
          app(logWrite('/api/habit-logs')),
          {
            server: 'same-sql',
            label: 'same SQL, no framework',
            factory: logWrite('/same-sql/habit-logs'),
          },
          { server: 'bare', label: 'bare: 1 statement', factory: logWrite('/bare/habit-logs') },
        ],
      };
    case 'me':
      return {
        name,
        title: 'GET /api/auth/me',
        variants: [
          app(get(() => '/api/auth/me')),
          { server: 'bare', label: 'bare: 1 SELECT', factory: get(() => '/bare/me') },
        ],
      };
    case 'live':
      return {
        name,
        title: 'GET /api/health/live',
        variants: [app(get(() => '/api/health/live'))],
      };
    case 'habits':
      return { name, title: 'GET /api/habits', variants: [app(get(() => '/api/habits'))] };
    case 'dashboard-cold':
      return {
        name,
        title: 'dashboard, cold (after a write)',
        variants: [
          app((c, i) => {
            // Even requests write (untimed) so that the odd ones find the cache invalidated.
            if (i % 2 === 1)
              return { method: 'GET', path: '/api/analytics/dashboard', token: token(c) };
            const habits = writable[c];
            return {
              method: 'POST',
              path: '/api/habit-logs',
              token: token(c),
              timed: false,
              body: {
                habitId: habits[(i / 2) % habits.length].id,
                logDate: today[c],
                status: 'done',
              },
            };
          }),
        ],
      };
    case 'dashboard-cached':
      return {
        name,
        title: 'dashboard, cached',
        variants: [app(get(() => '/api/analytics/dashboard'))],
      };
    case 'heatmap-all':
      return {
        name,
        title: 'heatmap, all habits, 365 days',
        variants: [app(get(() => '/api/analytics/heatmap'))],
      };
    case 'heatmap-habit':
      return {
        name,
        title: 'heatmap, one habit, 365 days',
        variants: [app(get((c, i) => `/api/analytics/habits/${habitOf(c, i)}/heatmap`))],
      };
    case 'weekly':
      return {
        name,
        title: 'weekly, 12 weeks',
        variants: [app(get((c, i) => `/api/analytics/habits/${habitOf(c, i)}/weekly?weeks=12`))],
      };
    case 'monthly':
      return {
        name,
        title: 'monthly, 24 months',
        variants: [app(get((c, i) => `/api/analytics/habits/${habitOf(c, i)}/monthly?months=24`))],
      };
    case 'trend':
      return {
        name,
        title: 'consistency trend, 365 days',
        variants: [
          app(get((c, i) => `/api/analytics/habits/${habitOf(c, i)}/consistency-trend?days=365`)),
        ],
      };
    case 'adaptive':
      return {
        name,
        title: 'adaptive suggestions',
        variants: [app(get((c, i) => `/api/suggestions/habits/${habitOf(c, i)}/adaptive`))],
      };
    case 'events':
      return {
        name,
        title: 'events catch-up, 100 events',
        variants: [
          app(
            get((c) => {
              const since = Math.max(0, (ctx.latestSeq.get(ctx.users[c].id) ?? 0) - 100);
              return `/api/events?since=${since}&limit=100`;
            }),
          ),
        ],
      };
  }
}

/** The bodies of a user's successive log writes (also used by the socket scenarios). */
export function logWriter(
  user: BenchUser,
): (i: number) => { habitId: string; logDate: string; status: string } {
  const { addDays, userDayOf } = requireDist<DomainLib>('libs/domain/src/index.js');
  const today = userDayOf(new Date(), user.timezone, user.dayStartHour);
  const habits = user.habits.filter((h) => loggable(h, today, addDays));
  if (habits.length === 0) throw new Error(`${user.email} has no habit to log`);
  return (i) => ({
    habitId: habits[i % habits.length].id,
    logDate: addDays(today, -DATE_OFFSETS[i % DATE_OFFSETS.length]),
    status: STATUSES[i % STATUSES.length],
  });
}

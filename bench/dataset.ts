import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { withClient } from './database';
import { requireDist } from './util';

type DomainLib = typeof import('@app/domain');
type AuthLib = typeof import('@app/auth');

/** Users whose logs one INSERT generates. */
const USERS_PER_LOG_BATCH = 50;

/** Every bench user signs in with this password. */
export const BENCH_PASSWORD = 'bench-password-1';

const TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Kolkata',
];
const HABIT_NAMES = [
  'Run',
  'Read 20 pages',
  'Meditate',
  'Stretch',
  'Drink water',
  'Journal',
  'Practice guitar',
  'Walk 10k steps',
  'No sugar',
  'Floss',
  'Language lesson',
  'Call a friend',
  'Cook dinner',
  'Strength training',
  'Sleep by 23:00',
  'Tidy desk',
];

export interface DataSetSize {
  users: number;
  habits: number;
  /** Days of history. */
  days: number;
  outboxEvents: number;
}

export interface BenchHabit {
  id: string;
  status: string;
  startDate: string;
  frequency: string;
  inGoal: boolean;
}

export interface BenchUser {
  index: number;
  id: string;
  email: string;
  timezone: string;
  dayStartHour: number;
  /** The user's today when the data set was made (recomputed before each run). */
  today: string;
  habits: BenchHabit[];
}

export interface DataSetCounts {
  users: number;
  habits: number;
  logs: number;
  schedules: number;
  pauses: number;
  goals: number;
  goalLinks: number;
  outboxEvents: number;
}

/** mulberry32: a small seeded generator, so the same options give the same data set. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable, version-4-shaped UUID for a name. */
function uuidOf(name: string): string {
  const h = createHash('md5').update(name).digest('hex').split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) % 4];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

interface Schedule {
  frequency: 'daily' | 'weekly' | 'custom';
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
}

const daily = (): Schedule => ({
  frequency: 'daily',
  timesPerWeek: null,
  daysOfWeek: null,
  intervalDays: null,
});
const weekly = (n: number): Schedule => ({
  frequency: 'weekly',
  timesPerWeek: n,
  daysOfWeek: null,
  intervalDays: null,
});
const weekdays = (days: number[]): Schedule => ({
  frequency: 'custom',
  timesPerWeek: null,
  daysOfWeek: [...days].sort((a, b) => a - b),
  intervalDays: null,
});
const everyN = (n: number): Schedule => ({
  frequency: 'custom',
  timesPerWeek: null,
  daysOfWeek: null,
  intervalDays: n,
});

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
const between = (random: () => number, lo: number, hi: number) =>
  lo + Math.floor(random() * (hi - lo + 1));

function randomSchedule(random: () => number): Schedule {
  const r = random();
  if (r < 0.35) return daily();
  if (r < 0.6) return weekly(pick(random, [1, 2, 3, 3, 4, 4, 5, 6]));
  if (r < 0.8) {
    const days = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.5);
    return weekdays(days.length >= 2 ? days : [1, 3, 5]);
  }
  return everyN(between(random, 2, 7));
}

/** The schedule a user switches to: mostly a small adjustment, sometimes another kind. */
function changedSchedule(random: () => number, s: Schedule): Schedule {
  if (random() < 0.15) return s.frequency === 'weekly' ? daily() : weekly(3);
  if (s.frequency === 'daily') return weekdays([1, 2, 3, 4, 5]);
  if (s.frequency === 'weekly') return weekly(s.timesPerWeek! >= 5 ? 4 : s.timesPerWeek! + 1);
  if (s.daysOfWeek) {
    const missing = [1, 2, 3, 4, 5, 6, 7].filter((d) => !s.daysOfWeek!.includes(d));
    return missing.length > 0
      ? weekdays([...s.daysOfWeek, missing[0]])
      : weekdays(s.daysOfWeek.slice(1));
  }
  return everyN(Math.min(365, s.intervalDays! + 1));
}

interface Rows {
  users: unknown[][];
  habits: unknown[][];
  schedules: unknown[][];
  pauses: unknown[][];
  gen: unknown[][];
  goals: unknown[][];
  links: unknown[][];
}

/** The users, habits (with schedule history and pauses), goals and generator parameters. */
function plan(size: DataSetSize, now: Date, passwordHash: string): Rows {
  const { userDayOf, addDays } = requireDist<DomainLib>('libs/domain/src/index.js');
  const random = rng(20261202);
  const rows: Rows = {
    users: [],
    habits: [],
    schedules: [],
    pauses: [],
    gen: [],
    goals: [],
    links: [],
  };
  const historyDays = size.days;
  const created = new Date(now.getTime() - (historyDays + 60) * 86_400_000);
  for (let u = 0; u < size.users; u++) {
    const userId = uuidOf(`bench-user-${u}`);
    const timezone = TIME_ZONES[u % TIME_ZONES.length];
    const dayStartHour = u % 5 === 3 ? 4 : 0;
    const today = userDayOf(now, timezone, dayStartHour);
    rows.users.push([
      userId,
      `bench-user-${u}@example.com`,
      passwordHash,
      `Bench User ${u}`,
      timezone,
      dayStartHour,
      created.toISOString(),
      created.toISOString(),
    ]);
    const linkable: string[] = [];
    for (let j = 0; j < size.habits; j++) {
      const habitId = uuidOf(`bench-habit-${u}-${j}`);
      // Most habits run the whole history; some started later (never in the last week).
      const longRunning = random() < 0.8;
      const startDate = longRunning
        ? addDays(today, -historyDays + between(random, 0, Math.floor(historyDays / 20)))
        : addDays(today, -between(random, Math.min(30, historyDays - 7), historyDays - 1));
      const age = Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000,
      );
      let schedule = randomSchedule(random);
      const versions: { from: string; schedule: Schedule }[] = [{ from: startDate, schedule }];
      if (random() < 0.3 && age > 60) {
        schedule = changedSchedule(random, schedule);
        versions.push({ from: addDays(startDate, between(random, 30, age - 14)), schedule });
      }
      const pauses: { from: string; to: string | null }[] = [];
      if (random() < 0.15 && age > 90) {
        const from = addDays(startDate, between(random, 10, age - 60));
        pauses.push({ from, to: addDays(from, between(random, 7, 30)) });
      }
      let status = 'active';
      const r = random();
      if (r < 0.04 || (r < 0.06 && age > 120)) {
        status = r < 0.04 ? 'paused' : 'archived';
        const from = addDays(today, -between(random, 3, Math.min(100, age - 1)));
        if (pauses.every((p) => p.to! < from)) pauses.push({ from, to: null });
        else status = 'active';
      }
      rows.habits.push([
        habitId,
        userId,
        `${HABIT_NAMES[j % HABIT_NAMES.length]}${j >= HABIT_NAMES.length ? ` ${Math.floor(j / HABIT_NAMES.length) + 1}` : ''}`,
        schedule.frequency,
        schedule.timesPerWeek,
        schedule.daysOfWeek ? `{${schedule.daysOfWeek.join(',')}}` : null,
        schedule.intervalDays,
        startDate,
        pick(random, ['easy', 'medium', 'medium', 'hard']),
        pick(random, ['low', 'medium', 'medium', 'high']),
        status,
        startDate,
        `${startDate}T09:00:00Z`,
        `${startDate}T09:00:00Z`,
      ]);
      for (const v of versions)
        rows.schedules.push([
          habitId,
          v.from,
          v.schedule.frequency,
          v.schedule.timesPerWeek,
          v.schedule.daysOfWeek ? `{${v.schedule.daysOfWeek.join(',')}}` : null,
          v.schedule.intervalDays,
        ]);
      for (const p of pauses) rows.pauses.push([habitId, p.from, p.to]);
      // Completion: a base rate that drifts in waves of a few months (slumps and good spells).
      rows.gen.push([
        habitId,
        startDate,
        today,
        0.45 + random() * 0.5,
        0.02 + random() * 0.04,
        0.02 + random() * 0.04,
        0.1 + random() * 0.15,
        between(random, 60, 180),
        between(random, 0, 180),
        Math.floor(u / USERS_PER_LOG_BATCH),
      ]);
      if (status !== 'archived') linkable.push(habitId);
    }
    const goals = Math.max(1, Math.round(size.habits / 10));
    for (let g = 0; g < goals && linkable.length >= 2; g++) {
      const goalId = uuidOf(`bench-goal-${u}-${g}`);
      const deadlineKind = random();
      const target = pick(random, [30, 100, 250, 1000, 5000]);
      const base = random() < 0.2 ? 10 : 0;
      const start = addDays(today, -between(random, 30, 365));
      const deadline =
        deadlineKind < 0.5
          ? null
          : addDays(today, deadlineKind < 0.8 ? between(random, 10, 200) : -between(random, 1, 60));
      // A past deadline is never before the start (goals_deadline_after_start).
      rows.goals.push([
        goalId,
        userId,
        `Goal ${g + 1}`,
        target,
        base,
        'times',
        start,
        deadline !== null && deadline < start ? start : deadline,
      ]);
      const chosen = new Set<string>();
      const want = between(random, 2, Math.min(4, linkable.length));
      while (chosen.size < want) chosen.add(pick(random, linkable));
      for (const habitId of chosen)
        rows.links.push([goalId, habitId, pick(random, [1, 1, 1, 0.5, 2])]);
    }
  }
  return rows;
}

/** Inserts rows column-wise with one statement (`unnest` of one array per column). */
async function insertColumns(
  client: Client,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
  casts: string[] = types,
) {
  for (let offset = 0; offset < rows.length; offset += 20_000) {
    const chunk = rows.slice(offset, offset + 20_000);
    const params = columns.map((_, i) => chunk.map((r) => r[i]));
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.map((c, i) => `${c}::${casts[i]}`).join(', ')}
       FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS x(${columns.join(', ')})`,
      params,
    );
  }
}

/** A deterministic number in [0, 1) for (habit, day, salt). */
const RANDOM = (salt: string) =>
  `(('x' || substr(md5(g.habit_id::text || d.day::text || '${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Every log of every habit, set-based: each day from the start to the user's today is judged by
 * the schedule version in force that day; due days are done, skipped or missed (or left
 * unlogged) at the habit's drifting rate, weekly habits log about `timesPerWeek` days a week, a
 * few logs fall on days that are not due, paused days have none, and today is half done.
 */
const GENERATE_LOGS = `
WITH versions AS (
  SELECT s.*, lead(s.effective_from) OVER (PARTITION BY s.habit_id ORDER BY s.effective_from) AS next_from
  FROM habit_schedules s
),
d AS (
  SELECT g.habit_id, v.frequency, v.times_per_week, v.days_of_week, v.interval_days,
         v.effective_from, day::date AS day
  FROM bench_gen g
  JOIN versions v ON v.habit_id = g.habit_id
  CROSS JOIN LATERAL generate_series(
    greatest(v.effective_from, g.start_date),
    least(coalesce(v.next_from - 1, g.today), g.today),
    interval '1 day') AS day
  WHERE g.batch = $1
),
judged AS (
  SELECT d.habit_id, d.day, ${RANDOM('s')} AS r, ${RANDOM('n')} AS rn,
    least(0.99, greatest(0.05, g.done_p + g.amplitude * sin(2 * pi() * (d.day - g.start_date + g.phase) / g.period))) AS p,
    g.skip_p, g.miss_p, d.day = g.today AS is_today,
    CASE
      WHEN d.frequency = 'weekly' THEN least(1, (d.times_per_week + 1.5) / 7.0)
      WHEN d.frequency = 'daily' THEN 1
      WHEN d.days_of_week IS NOT NULL THEN CASE WHEN extract(isodow FROM d.day)::int = ANY (d.days_of_week) THEN 1 ELSE 0 END
      ELSE CASE WHEN (d.day - d.effective_from) % d.interval_days = 0 THEN 1 ELSE 0 END
    END AS due
  FROM d JOIN bench_gen g ON g.habit_id = d.habit_id
  WHERE NOT EXISTS (
    SELECT 1 FROM habit_pauses hp
    WHERE hp.habit_id = d.habit_id AND d.day >= hp.from_date AND (hp.to_date IS NULL OR d.day <= hp.to_date))
),
statused AS (
  SELECT habit_id, day, rn,
    CASE
      WHEN due = 0 THEN CASE WHEN r < 0.02 THEN 'done' END
      WHEN is_today THEN CASE WHEN r < due * p * 0.5 THEN 'done' END
      WHEN r < due * p THEN 'done'
      WHEN r < due * (p + skip_p) THEN 'skipped'
      WHEN due = 1 AND r < p + skip_p + miss_p THEN 'missed'
    END AS status
  FROM judged
)
INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
SELECT habit_id, day, status,
  CASE WHEN rn < 0.04 THEN 'felt good today' WHEN rn < 0.05 THEN 'short version, but done' END,
  day + time '20:00', day + time '20:00'
FROM statused WHERE status IS NOT NULL`;

/**
 * Delivered events for the catch-up read, after the statistics are real: `habit_logged`
 * snapshots built from each user's habits and logs, numbered after what the rebuild recorded.
 */
const GENERATE_OUTBOX = `
INSERT INTO outbox_events (user_id, seq, type, payload, created_at, delivered_at)
SELECT u.id, u.event_seq + i, 'habit_logged',
  jsonb_build_object(
    'log', jsonb_build_object('id', gen_random_uuid(), 'habitId', h.id, 'logDate', h.stats_as_of,
                              'status', 'done', 'notes', null),
    'habit', jsonb_build_object('id', h.id, 'name', h.name, 'description', h.description,
      'frequency', h.frequency, 'timesPerWeek', h.times_per_week, 'daysOfWeek', h.days_of_week,
      'intervalDays', h.interval_days, 'startDate', h.start_date, 'difficulty', h.difficulty,
      'priority', h.priority, 'status', h.status, 'pausePeriods', '[]'::jsonb,
      'currentStreak', h.current_streak, 'longestStreak', h.longest_streak, 'streakUnit', 'day',
      'totalCompletions', h.total_completions, 'totalSkips', h.total_skips,
      'consistencyScore', h.consistency_score, 'failureRate', h.failure_rate,
      'strength', round(h.strength), 'consecutiveMisses', h.consecutive_misses,
      'lastCompletedDate', h.last_completed_date, 'suggestedFrequency', h.suggested_frequency,
      'statsAsOf', h.stats_as_of, 'nextDueDate', h.next_due_date, 'dueToday', h.due_today,
      'todayLog', null, 'week', null, 'version', h.version,
      'createdAt', h.created_at, 'updatedAt', h.updated_at)),
  now() - ($1::int - i) * interval '10 minutes', now() - ($1::int - i) * interval '10 minutes'
FROM users u
CROSS JOIN generate_series(1, $1::int) AS i
JOIN LATERAL (
  SELECT * FROM habits WHERE user_id = u.id ORDER BY id OFFSET (i % $2::int) LIMIT 1
) h ON true`;

/** Users, habits, schedule history, pauses, logs and goals (statistics come from the app's rebuild). */
export async function generateDataSet(
  url: string,
  size: DataSetSize,
  now: Date,
): Promise<DataSetCounts> {
  const { PasswordHasher } = requireDist<AuthLib>('libs/auth/src/password-hasher.js');
  const passwordHash = await new PasswordHasher().hash(BENCH_PASSWORD);
  const rows = plan(size, now, passwordHash);
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    await insertColumns(
      client,
      'users',
      [
        'id',
        'email',
        'hashed_password',
        'full_name',
        'timezone',
        'day_start_hour',
        'created_at',
        'updated_at',
      ],
      ['uuid', 'text', 'text', 'text', 'text', 'smallint', 'timestamptz', 'timestamptz'],
      rows.users,
    );
    await insertColumns(
      client,
      'habits',
      [
        'id',
        'user_id',
        'name',
        'frequency',
        'times_per_week',
        'days_of_week',
        'interval_days',
        'start_date',
        'difficulty',
        'priority',
        'status',
        'created_on',
        'created_at',
        'updated_at',
      ],
      [
        'uuid',
        'uuid',
        'text',
        'text',
        'smallint',
        'text',
        'smallint',
        'date',
        'text',
        'text',
        'text',
        'date',
        'timestamptz',
        'timestamptz',
      ],
      rows.habits,
      [
        'uuid',
        'uuid',
        'text',
        'text',
        'smallint',
        'smallint[]',
        'smallint',
        'date',
        'text',
        'text',
        'text',
        'date',
        'timestamptz',
        'timestamptz',
      ],
    );
    await insertColumns(
      client,
      'habit_schedules',
      [
        'habit_id',
        'effective_from',
        'frequency',
        'times_per_week',
        'days_of_week',
        'interval_days',
      ],
      ['uuid', 'date', 'text', 'smallint', 'text', 'smallint'],
      rows.schedules,
      ['uuid', 'date', 'text', 'smallint', 'smallint[]', 'smallint'],
    );
    await insertColumns(
      client,
      'habit_pauses',
      ['habit_id', 'from_date', 'to_date'],
      ['uuid', 'date', 'date'],
      rows.pauses,
    );
    await client.query(`CREATE TEMP TABLE bench_gen (
      habit_id uuid PRIMARY KEY, start_date date, today date, done_p float8, skip_p float8,
      miss_p float8, amplitude float8, period int, phase int, batch int)`);
    await insertColumns(
      client,
      'bench_gen',
      [
        'habit_id',
        'start_date',
        'today',
        'done_p',
        'skip_p',
        'miss_p',
        'amplitude',
        'period',
        'phase',
        'batch',
      ],
      ['uuid', 'date', 'date', 'float8', 'float8', 'float8', 'float8', 'int', 'int', 'int'],
      rows.gen,
    );
    await client.query('COMMIT');
    // Logs a few thousand habits at a time: bounded transactions for the large --jobs data set.
    const batches = Math.ceil(size.users / USERS_PER_LOG_BATCH);
    for (let batch = 0; batch < batches; batch++) await client.query(GENERATE_LOGS, [batch]);
    await client.query('BEGIN');
    await insertColumns(
      client,
      'goals',
      ['id', 'user_id', 'name', 'target_value', 'base_value', 'unit', 'start_date', 'deadline'],
      ['uuid', 'uuid', 'text', 'float8', 'float8', 'text', 'date', 'date'],
      rows.goals,
    );
    await insertColumns(
      client,
      'goal_habits',
      ['goal_id', 'habit_id', 'contribution_weight'],
      ['uuid', 'uuid', 'float8'],
      rows.links,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return countRows(client);
  });
}

export async function addOutboxEvents(url: string, size: DataSetSize): Promise<void> {
  if (size.outboxEvents === 0) return;
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    await client.query(GENERATE_OUTBOX, [size.outboxEvents, size.habits]);
    await client.query('UPDATE users SET event_seq = event_seq + $1', [size.outboxEvents]);
    await client.query('COMMIT');
    await client.query('ANALYZE outbox_events');
  });
}

export async function countRows(client: Client): Promise<DataSetCounts> {
  const { rows } = await client.query(`SELECT
    (SELECT count(*) FROM users)::int AS users,
    (SELECT count(*) FROM habits)::int AS habits,
    (SELECT count(*) FROM habit_logs)::int AS logs,
    (SELECT count(*) FROM habit_schedules)::int AS schedules,
    (SELECT count(*) FROM habit_pauses)::int AS pauses,
    (SELECT count(*) FROM goals)::int AS goals,
    (SELECT count(*) FROM goal_habits)::int AS "goalLinks",
    (SELECT count(*) FROM outbox_events)::int AS "outboxEvents"`);
  return rows[0] as DataSetCounts;
}

/** The bench's users and habits as stored (the scenarios pick from these). */
export async function loadUsers(url: string, now: Date): Promise<BenchUser[]> {
  const { userDayOf } = requireDist<DomainLib>('libs/domain/src/index.js');
  return withClient(url, async (client) => {
    const users = await client.query(
      `SELECT id, email, timezone, day_start_hour FROM users
       WHERE email LIKE 'bench-user-%@example.com'
       ORDER BY (substring(email FROM 'bench-user-(\\d+)@'))::int`,
    );
    const habits = await client.query(
      `SELECT h.id, h.user_id, h.status, h.start_date, h.frequency,
              EXISTS (SELECT 1 FROM goal_habits gh WHERE gh.habit_id = h.id) AS in_goal
       FROM habits h ORDER BY h.user_id, h.created_at, h.id`,
    );
    const byUser = new Map<string, BenchHabit[]>();
    for (const h of habits.rows) {
      const list = byUser.get(h.user_id) ?? [];
      list.push({
        id: h.id,
        status: h.status,
        startDate: h.start_date,
        frequency: h.frequency,
        inGoal: h.in_goal,
      });
      byUser.set(h.user_id, list);
    }
    return users.rows.map((u, index) => ({
      index,
      id: u.id,
      email: u.email,
      timezone: u.timezone,
      dayStartHour: u.day_start_hour,
      today: userDayOf(now, u.timezone, u.day_start_hour),
      habits: byUser.get(u.id) ?? [],
    }));
  });
}

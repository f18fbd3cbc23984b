/**
 * The comparison servers, in one child process (`node dist/bench/bench-servers.js`), on their
 * own copy of the bench database, with a pool as large as the app's (DB_POOL_SIZE default 10):
 *
 * - `POST /bare/habit-logs`: the bare baseline — node:http + pg, the log upsert plus a stats
 *   update as ONE SQL statement (the user check included);
 * - `GET /bare/me`: a bare single-SELECT endpoint, the baseline of `GET /api/auth/me`;
 * - `POST /same-sql/habit-logs`: "same SQL, no framework" — the statements today's app sends
 *   for a log write (the guard's user and session lookup; BEGIN, the user's row lock, the habit
 *   locked with its history, the upsert, the stats, the goals locked by their link to the habit
 *   and, when there are any, their progress, the outbox with the seq, COMMIT; and the outbox
 *   relay's own transaction after the response), in the same order, on node:http + pg. The statistics it
 *   writes are the stored ones (no engine): it measures what the SQL costs without Nest,
 *   TypeORM and the engine. `npm run bench` checks that its statements match the app's.
 *
 * Every response carries `x-query-count` (statements of the request, as the app counts them).
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pg from 'pg';
import { Hs256Verifier } from './jwt';
import { requireDist } from './util';

type DomainLib = typeof import('@app/domain');

pg.types.setTypeParser(1082, (value: string) => value);

/** `"E"."col" AS "E_col", …`: an entity's columns as TypeORM 1.x selects them. */
function entityColumns(entity: string, columns: string[]): string {
  return columns.map((c) => `"${entity}"."${c}" AS "${entity}_${c}"`).join(', ');
}

const GOAL_COLUMNS = [
  'id',
  'user_id',
  'name',
  'description',
  'target_value',
  'current_value',
  'base_value',
  'unit',
  'start_date',
  'deadline',
  'is_completed',
  'completed_at',
  'stats_as_of',
  'version',
  'created_at',
  'updated_at',
];

const HABIT_COLUMNS = [
  'id',
  'user_id',
  'name',
  'description',
  'frequency',
  'times_per_week',
  'days_of_week',
  'interval_days',
  'start_date',
  'difficulty',
  'priority',
  'status',
  'color',
  'icon',
  'position',
  'current_streak',
  'longest_streak',
  'total_completions',
  'total_skips',
  'consistency_score',
  'failure_rate',
  'strength',
  'consecutive_misses',
  'last_completed_date',
  'suggested_frequency',
  'last_risk_alert_date',
  'stats_as_of',
  'next_due_date',
  'due_today',
  'week_done',
  'week_quota',
  'created_on',
  'version',
  'created_at',
  'updated_at',
];

/** How many days, ending with the user's today, a habit's `recentDays` covers (the app's RECENT_DAYS). */
const RECENT_DAYS = 7;

/**
 * Today's app, statement by statement (captured with bench/pg-trace.ts; the bench compares them
 * with whitespace collapsed): the guard's lookup, then BEGIN, the user's row lock, the habit
 * locked with its history, the upsert, the stats, the goals locked by their link to the habit,
 * the outbox (with the user's seq) and COMMIT; the relay's transaction after the response.
 */
export const SAME_SQL = {
  user: `SELECT u.id, u.email, u.full_name AS "fullName", u.is_active AS "isActive",
   u.timezone, u.day_start_hour AS "dayStartHour", u.nudge_hour AS "nudgeHour",
   u.email_nudges AS "emailNudges", u.email_verified_at AS "emailVerifiedAt",
   u.is_admin AS "isAdmin", u.created_at AS "createdAt",
   EXISTS (SELECT 1 FROM refresh_tokens t
           WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NOT NULL) AS "sessionEnded"
 FROM users u WHERE u.id = $1`,
  begin: 'START TRANSACTION',
  lockUser: `SELECT set_config('lock_timeout', $2, true), id FROM users WHERE id = $1 FOR UPDATE`,
  lockHabit: `SELECT ${entityColumns('h', HABIT_COLUMNS)}, COALESCE((SELECT json_agg(json_build_object(
         'effectiveFrom', s.effective_from, 'frequency', s.frequency,
         'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
         'intervalDays', s.interval_days) ORDER BY s.effective_from)
       FROM habit_schedules s WHERE s.habit_id = "h"."id"), '[]'::json) AS schedules,
     COALESCE((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
         ORDER BY p.from_date)
       FROM habit_pauses p WHERE p.habit_id = "h"."id"), '[]'::json) AS pauses,
     COALESCE((SELECT json_agg(json_build_array(
         l.log_date, l.status,
         CASE WHEN l.log_date::text BETWEEN CAST($1 AS text) AND CAST($2 AS text) THEN l.id END,
         CASE WHEN l.log_date::text = CAST($2 AS text) THEN l.notes END) ORDER BY l.log_date)
       FROM habit_logs l WHERE l.habit_id = "h"."id"), '[]'::json) AS logs FROM "habits" "h" WHERE "h"."id" = $3 AND "h"."user_id" = $4 FOR UPDATE`,
  upsertLog: `INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (habit_id, log_date) DO UPDATE
           SET status = excluded.status,
               notes = CASE WHEN $6 THEN habit_logs.notes ELSE excluded.notes END,
               updated_at = excluded.updated_at
         RETURNING id, habit_id AS "habitId", log_date AS "logDate", status, notes, (xmax = 0) AS inserted`,
  updateHabits: `UPDATE habits h SET
         status = x.status, current_streak = x.current_streak, longest_streak = x.longest_streak,
         total_completions = x.total_completions, total_skips = x.total_skips,
         consistency_score = x.consistency_score, failure_rate = x.failure_rate, strength = x.strength,
         consecutive_misses = x.consecutive_misses, last_completed_date = x.last_completed_date,
         suggested_frequency = x.suggested_frequency, last_risk_alert_date = x.last_risk_alert_date,
         stats_as_of = x.stats_as_of, next_due_date = x.next_due_date, due_today = x.due_today,
         week_done = x.week_done, week_quota = x.week_quota,
         version = h.version + 1, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(
         id uuid, status varchar, current_streak int, longest_streak int, total_completions int,
         total_skips int, consistency_score smallint, failure_rate float8, strength float8,
         consecutive_misses int, last_completed_date date, suggested_frequency varchar,
         last_risk_alert_date date, stats_as_of date, next_due_date date, due_today boolean,
         week_done smallint, week_quota smallint)
       WHERE h.id = x.id
       RETURNING h.id, h.version, h.updated_at`,
  lockGoals: `SELECT ${entityColumns('g', GOAL_COLUMNS)} FROM "goals" "g" WHERE "g"."id" IN (SELECT gh.goal_id FROM goal_habits gh WHERE gh.habit_id = ANY(CAST($1 AS uuid[]))) ORDER BY "g"."id" ASC FOR UPDATE`,
  goalContributions: `SELECT gh.goal_id, gh.habit_id, gh.contribution_weight AS weight,
              (SELECT count(*)::int FROM habit_logs l
               WHERE l.habit_id = gh.habit_id AND l.status = 'done' AND l.log_date >= g.start_date
                 AND l.log_date <= COALESCE($2::date, g.stats_as_of, g.start_date)) AS done
       FROM goal_habits gh JOIN goals g ON g.id = gh.goal_id
       WHERE gh.goal_id = ANY($1::uuid[])
       ORDER BY gh.goal_id, gh.habit_id`,
  goalProgress: `UPDATE goals g SET
         current_value = x.current_value, is_completed = x.is_completed,
         completed_at = x.completed_at, stats_as_of = $2, version = g.version + 1, updated_at = $3
       FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, current_value float8, is_completed boolean, completed_at timestamptz)
       WHERE g.id = x.id
       RETURNING g.id, g.version`,
  outbox: `WITH reserved AS (
         UPDATE users SET event_seq = event_seq + $2::int WHERE id = $1 RETURNING event_seq
       )
       INSERT INTO outbox_events (user_id, seq, type, payload, request_id)
       SELECT $1, r.event_seq - $2::int + x.n, x.type, x.payload, $4
       FROM reserved r, jsonb_to_recordset($3::jsonb) AS x(n int, type varchar, payload jsonb)
       ORDER BY x.n`,
  commit: 'COMMIT',
  relayLock: 'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
  relayPending: `SELECT id, seq, type, payload, created_at, request_id FROM outbox_events
       WHERE user_id = $1 AND delivered_at IS NULL ORDER BY seq LIMIT $2`,
  relayDelivered: 'UPDATE outbox_events SET delivered_at = $2 WHERE id = ANY($1::bigint[])',
};

/** The bare baseline: the user check, the upsert and a stats update in one statement. */
const BARE_LOG_WRITE = `
WITH h AS (
  SELECT h.id FROM habits h JOIN users u ON u.id = h.user_id
  WHERE h.id = $1 AND h.user_id = $2 AND u.is_active AND h.start_date <= $3
), log AS (
  INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
  SELECT h.id, $3, $4, $5, $6, $6 FROM h
  ON CONFLICT (habit_id, log_date) DO UPDATE
    SET status = excluded.status, notes = excluded.notes, updated_at = excluded.updated_at
  RETURNING id, habit_id, log_date, status, notes, (xmax = 0) AS inserted
), stats AS (
  UPDATE habits SET
    total_completions = total_completions + CASE WHEN log.status = 'done' AND log.inserted THEN 1 ELSE 0 END,
    total_skips = total_skips + CASE WHEN log.status = 'skipped' AND log.inserted THEN 1 ELSE 0 END,
    last_completed_date = CASE WHEN log.status = 'done'
      THEN greatest(last_completed_date, log.log_date) ELSE last_completed_date END,
    version = version + 1, updated_at = $6
  FROM log WHERE habits.id = log.habit_id
  RETURNING habits.*
)
SELECT log.id AS log_id, log.log_date, log.status AS log_status, log.notes AS log_notes,
       log.inserted, stats.*
FROM log JOIN stats ON true`;

const BARE_ME = `SELECT id, email, full_name, is_active, timezone, day_start_hour, nudge_hour,
  email_nudges, email_verified_at, created_at FROM users WHERE id = $1`;

/** The app's USER_LOCK_TIMEOUT_MS: how long a write waits for the user's row lock. */
const USER_LOCK_TIMEOUT_MS = 5_000;
const RELAY_LOCK_CLASS = 7_271_008;
const RELAY_BATCH = 200;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 100_000) reject(new HttpError(413, 'PAYLOAD_TOO_LARGE'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new HttpError(400, 'MALFORMED_JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, statements: number) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'x-query-count': String(statements),
  });
  res.end(json);
}

interface LogBody {
  habitId: string;
  logDate?: string;
  status: 'done' | 'skipped' | 'missed';
  notes?: string | null;
}

function logBody(raw: Record<string, unknown>): LogBody {
  const { habitId, logDate, status, notes } = raw;
  if (typeof habitId !== 'string' || !/^[0-9a-f-]{36}$/i.test(habitId))
    throw new HttpError(400, 'VALIDATION_FAILED');
  if (
    logDate !== undefined &&
    (typeof logDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(logDate))
  )
    throw new HttpError(400, 'VALIDATION_FAILED');
  if (status !== 'done' && status !== 'skipped' && status !== 'missed')
    throw new HttpError(400, 'VALIDATION_FAILED');
  if (notes !== undefined && notes !== null && typeof notes !== 'string')
    throw new HttpError(400, 'VALIDATION_FAILED');
  return { habitId, logDate, status, notes: notes ?? null };
}

/** A habit row as the app's response shows it (camelCase, the fields a client reads). */
function habitJson(h: Record<string, unknown>) {
  return {
    id: h.id,
    name: h.name,
    frequency: h.frequency,
    timesPerWeek: h.times_per_week,
    daysOfWeek: h.days_of_week,
    intervalDays: h.interval_days,
    startDate: h.start_date,
    status: h.status,
    currentStreak: h.current_streak,
    longestStreak: h.longest_streak,
    totalCompletions: h.total_completions,
    totalSkips: h.total_skips,
    consistencyScore: h.consistency_score,
    failureRate: h.failure_rate,
    strength: Math.round(Number(h.strength)),
    consecutiveMisses: h.consecutive_misses,
    lastCompletedDate: h.last_completed_date,
    statsAsOf: h.stats_as_of,
    nextDueDate: h.next_due_date,
    dueToday: h.due_today,
    version: h.version,
    updatedAt: h.updated_at,
  };
}

/** TypeORM's aliased row ("HabitEntity_name") back to plain column names. */
function unalias(row: Record<string, unknown>, entity: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.slice(entity.length + 1)] = value;
  return out;
}

function main() {
  const secret = process.env.JWT_SECRET;
  const url = process.env.DATABASE_URL;
  const port = Number(process.env.PORT ?? 0);
  if (!secret || !url) throw new Error('JWT_SECRET and DATABASE_URL are required');
  const { addDays, userDayOf } = requireDist<DomainLib>('libs/domain/src/index.js');
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    application_name: 'habit-tracker-bench-servers',
  });
  const tokens = new Hs256Verifier(secret);

  const userOf = (req: http.IncomingMessage): string => {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    const id = scheme?.toLowerCase() === 'bearer' && token ? tokens.verify(token) : null;
    if (!id) throw new HttpError(401, 'TOKEN_INVALID');
    return id;
  };

  // ---- the bare baseline ------------------------------------------------------------------

  async function bareLogWrite(req: http.IncomingMessage, res: http.ServerResponse) {
    const userId = userOf(req);
    const body = logBody(await readJson(req));
    const logDate = body.logDate ?? new Date().toISOString().slice(0, 10);
    const { rows } = await pool.query(BARE_LOG_WRITE, [
      body.habitId,
      userId,
      logDate,
      body.status,
      body.notes,
      new Date(),
    ]);
    if (rows.length === 0) throw new HttpError(404, 'HABIT_NOT_FOUND');
    const r = rows[0];
    send(
      res,
      r.inserted ? 201 : 200,
      {
        log: {
          id: r.log_id,
          habitId: r.id,
          logDate: r.log_date,
          status: r.log_status,
          notes: r.log_notes,
        },
        habit: habitJson(r),
      },
      1,
    );
  }

  async function bareMe(req: http.IncomingMessage, res: http.ServerResponse) {
    const { rows } = await pool.query(BARE_ME, [userOf(req)]);
    if (rows.length === 0 || !rows[0].is_active) throw new HttpError(401, 'TOKEN_INVALID');
    const u = rows[0];
    send(
      res,
      200,
      {
        id: u.id,
        email: u.email,
        fullName: u.full_name,
        timezone: u.timezone,
        dayStartHour: u.day_start_hour,
        nudgeHour: u.nudge_hour,
        emailNudges: u.email_nudges,
        emailVerified: u.email_verified_at !== null,
        isActive: u.is_active,
        createdAt: u.created_at,
      },
      1,
    );
  }

  // ---- the same SQL as the app, without the framework ----------------------------------------

  async function sameSqlLogWrite(req: http.IncomingMessage, res: http.ServerResponse) {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    const claims = scheme?.toLowerCase() === 'bearer' && token ? tokens.claims(token) : null;
    if (!claims) throw new HttpError(401, 'TOKEN_INVALID');
    const { userId, sessionId } = claims;
    const body = logBody(await readJson(req));
    let statements = 0;
    // The guard's lookup (the user and whether the token's session ended) goes through the
    // pool, before the transaction takes a connection.
    const users = await pool.query(SAME_SQL.user, [userId, sessionId]);
    statements++;
    const user = users.rows[0];
    if (!user?.isActive || user.sessionEnded) throw new HttpError(401, 'TOKEN_INVALID');
    const now = new Date();
    const today = userDayOf(now, user.timezone as string, user.dayStartHour as number);
    const client = await pool.connect();
    let result: { status: number; body: unknown };
    try {
      const q = (text: string, values?: unknown[]) => {
        statements++;
        return client.query(text, values);
      };
      await q(SAME_SQL.begin);
      try {
        const lockedUser = await q(SAME_SQL.lockUser, [userId, `${USER_LOCK_TIMEOUT_MS}ms`]);
        if (lockedUser.rows.length === 0) throw new HttpError(401, 'TOKEN_INVALID');
        const locked = await q(SAME_SQL.lockHabit, [
          addDays(today, -(RECENT_DAYS - 1)),
          today,
          body.habitId,
          userId,
        ]);
        if (locked.rows.length === 0) throw new HttpError(404, 'HABIT_NOT_FOUND');
        const habit = unalias(locked.rows[0], 'h');
        const logDate = body.logDate ?? today;
        if (logDate > today) throw new HttpError(422, 'LOG_DATE_IN_FUTURE');
        if (logDate < (habit.start_date as string))
          throw new HttpError(422, 'LOG_DATE_BEFORE_START');
        const logRows = await q(SAME_SQL.upsertLog, [
          habit.id,
          logDate,
          body.status,
          body.notes ?? null,
          now,
          false, // the body always carries `notes` here (logBody makes an absent one null)
        ]);
        const log = logRows.rows[0];
        const stats = {
          id: habit.id,
          status: habit.status,
          current_streak: habit.current_streak,
          longest_streak: habit.longest_streak,
          total_completions: habit.total_completions,
          total_skips: habit.total_skips,
          consistency_score: habit.consistency_score,
          failure_rate: habit.failure_rate,
          strength: habit.strength,
          consecutive_misses: habit.consecutive_misses,
          last_completed_date: habit.last_completed_date,
          suggested_frequency: habit.suggested_frequency,
          last_risk_alert_date: habit.last_risk_alert_date,
          stats_as_of: today,
          next_due_date: habit.next_due_date,
          due_today: habit.due_today,
          week_done: habit.week_done,
          week_quota: habit.week_quota,
        };
        const updated = await q(SAME_SQL.updateHabits, [JSON.stringify([stats]), now]);
        const habitOut = habitJson({ ...habit, ...stats, version: updated.rows[0].version });
        const goals = (await q(SAME_SQL.lockGoals, [[habit.id]])).rows.map((r) => unalias(r, 'g'));
        if (goals.length > 0) {
          const goalIds = goals.map((g) => g.id);
          await q(SAME_SQL.goalContributions, [goalIds, today]);
          // The stored progress, written back (no rule): what the statements cost.
          const progress = goals.map((g) => ({
            id: g.id,
            current_value: g.current_value,
            is_completed: g.is_completed,
            completed_at: g.completed_at,
          }));
          await q(SAME_SQL.goalProgress, [JSON.stringify(progress), today, now]);
        }
        const logOut = {
          id: log.id,
          habitId: log.habitId,
          logDate: log.logDate,
          status: log.status,
          notes: log.notes,
        };
        const events: { type: string; payload: unknown }[] = [
          { type: 'habit_logged', payload: { log: logOut, habit: habitOut } },
        ];
        if (body.status === 'done')
          events.push({ type: 'streak_update', payload: { habit: habitOut } });
        await q(SAME_SQL.outbox, [
          userId,
          events.length,
          JSON.stringify(events.map((e, i) => ({ n: i + 1, type: e.type, payload: e.payload }))),
          randomUUID(),
        ]);
        await q(SAME_SQL.commit);
        result = { status: log.inserted ? 201 : 200, body: { log: logOut, habit: habitOut } };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
    send(res, result.status, result.body, statements);
    relay.wake(userId);
  }

  /** The app's outbox relay: one user at a time, one short transaction each, after the response. */
  const relay = {
    queue: new Set<string>(),
    draining: false,
    wake(userId: string) {
      this.queue.add(userId);
      if (!this.draining) void this.drain();
    },
    async drain() {
      this.draining = true;
      try {
        while (this.queue.size > 0) {
          const [userId] = this.queue;
          this.queue.delete(userId);
          const client = await pool.connect();
          try {
            await client.query(SAME_SQL.begin);
            const lock = await client.query(SAME_SQL.relayLock, [RELAY_LOCK_CLASS, userId]);
            if (lock.rows[0]?.locked) {
              const pending = await client.query(SAME_SQL.relayPending, [userId, RELAY_BATCH]);
              if (pending.rows.length > 0)
                await client.query(SAME_SQL.relayDelivered, [
                  pending.rows.map((r) => String(r.id)),
                  new Date(),
                ]);
            }
            await client.query(SAME_SQL.commit);
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            console.error(`relay: ${(error as Error).message}`);
          } finally {
            client.release();
          }
        }
      } finally {
        this.draining = false;
      }
    },
  };

  const routes: Record<
    string,
    (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>
  > = {
    'POST /bare/habit-logs': bareLogWrite,
    'GET /bare/me': bareMe,
    'POST /same-sql/habit-logs': sameSqlLogWrite,
    'GET /health': async (_req, res) => send(res, 200, { status: 'ok' }, 0),
  };

  const server = http.createServer((req, res) => {
    const route = routes[`${req.method} ${(req.url ?? '').split('?')[0]}`];
    if (!route) return send(res, 404, { statusCode: 404, code: 'NOT_FOUND' }, 0);
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError)
        return send(res, error.status, { statusCode: error.status, code: error.code }, 0);
      console.error(error);
      send(res, 500, { statusCode: 500, code: 'INTERNAL' }, 0);
    });
  });
  server.keepAliveTimeout = 5_000;
  // PORT=0: the OS picks the port; the bench reads it from this line.
  server.listen(port, '127.0.0.1', () =>
    console.log(`bench servers at http://127.0.0.1:${(server.address() as AddressInfo).port}`),
  );
  const stop = () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) main();

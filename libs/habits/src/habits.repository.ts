import { AppError } from '@app/common';
import type { LocalDate, PausePeriodSnapshot } from '@app/contracts';
import {
  entityFromJson,
  HabitEntity,
  HabitLogEntity,
  HabitPauseEntity,
  queryRows,
} from '@app/database';
import {
  addDays,
  FOLD_LOOKBACK_DAYS,
  logsNeededFrom,
  statsWindowStart,
  type HabitCheckpoint,
  type HabitLogEntry,
  type Schedule,
  type ScheduleVersion,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { RECENT_DAYS } from './habit-history.mapper';
import { STATS_COLUMNS, StoredStats, toStatsRecord } from './habit-stats.mapper';

export type NewHabit = Omit<HabitEntity, 'id' | 'version' | keyof StoredStats> & {
  status: HabitEntity['status'];
};

export type HabitChanges = Pick<
  HabitEntity,
  | 'name'
  | 'description'
  | 'frequency'
  | 'timesPerWeek'
  | 'daysOfWeek'
  | 'intervalDays'
  | 'startDate'
  | 'difficulty'
  | 'priority'
  | 'color'
  | 'icon'
  | 'status'
  | 'kind'
  | 'unit'
  | 'targetType'
  | 'targetValue'
  | 'targetPeriod'
>;

/**
 * The batched statistics UPDATE, its SET list and record columns built from the one mapping;
 * it saves the habit's checkpoint with them.
 */
const WRITE_STATS_SQL = `UPDATE habits h SET
   ${STATS_COLUMNS.map((c) => `${c.column} = x.${c.column}`).join(', ')},
   checkpoint = x.checkpoint, version = h.version + 1, updated_at = $2
 FROM jsonb_to_recordset($1::jsonb) AS x(
   id uuid, ${STATS_COLUMNS.map((c) => `${c.column} ${c.sqlType}`).join(', ')}, checkpoint jsonb)
 WHERE h.id = x.id
 RETURNING h.id, h.version, h.updated_at`;

function statsParams(
  rows: { id: string; stats: StoredStats; checkpoint: HabitCheckpoint | null }[],
  now: Date,
): unknown[] {
  return [
    JSON.stringify(
      rows.map((r) => ({ ...toStatsRecord(r.id, r.stats), checkpoint: r.checkpoint })),
    ),
    now,
  ];
}

/**
 * A habit's schedule history, pauses and logs as three JSON columns built by PostgreSQL (plain
 * rows, no entity hydration): schedules by `effective_from`, pauses by `from_date`, logs by
 * `log_date`, each log as [date, status, id, notes, value] with the id only for the last RECENT_DAYS
 * days (`recentFrom` … `today`) and the notes only for `today`. Those two days are compared as
 * ISO text, as the engine does: the verifier asks as of '0000-01-01', no valid PostgreSQL date.
 * `habitId`, `today` and `recentFrom` are SQL expressions (placeholders or a column).
 */
function historyColumns(habitId: string, today: string, recentFrom: string, logRange = ''): string {
  return `COALESCE((SELECT json_agg(json_build_object(
         'effectiveFrom', s.effective_from, 'frequency', s.frequency,
         'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
         'intervalDays', s.interval_days) ORDER BY s.effective_from)
       FROM habit_schedules s WHERE s.habit_id = ${habitId}), '[]'::json) AS schedules,
     COALESCE((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
         ORDER BY p.from_date)
       FROM habit_pauses p WHERE p.habit_id = ${habitId}), '[]'::json) AS pauses,
     COALESCE((SELECT json_agg(json_build_array(
         l.log_date, l.status,
         CASE WHEN l.log_date::text BETWEEN ${recentFrom} AND ${today} THEN l.id END,
         CASE WHEN l.log_date::text = ${today} THEN l.notes END, l.value) ORDER BY l.log_date)
       FROM habit_logs l WHERE l.habit_id = ${habitId}${logRange}), '[]'::json) AS logs`;
}
/**
 * The stored checkpoint of habit row `h` when a write can build on it (SQL): it is a check
 * habit (a measurable habit's statistics have no bounded window: `statsWindowStart` is null for
 * it, so it reads every log), there is one, it is through a day before `today` (a zone change
 * can move today back), and the write changes the history only after it (`changedFrom`, an ISO
 * day as text, or NULL for no change). Else NULL: the write reads every log and folds a new one
 * (a fold cannot be unwound to an earlier day).
 */
function usableCheckpoint(h: string, today: string, changedFrom: string): string {
  return `CASE WHEN ${h}.kind = 'check' AND ${h}.checkpoint IS NOT NULL
    AND ${h}.checkpoint->>'through' < ${today}
    AND (${changedFrom} IS NULL OR ${changedFrom} > ${h}.checkpoint->>'through')
    THEN ${h}.checkpoint END`;
}

/**
 * The first log day a write reads with that checkpoint (SQL, ISO text; NULL: every log): the
 * domain's `logsNeededFrom`, i.e. the earlier of `through` − FOLD_LOOKBACK_DAYS and `window`
 * (`statsWindowStart`, computed by the caller).
 */
function logsFromSql(h: string, today: string, changedFrom: string, window: string): string {
  return `CASE WHEN (${usableCheckpoint(h, today, changedFrom)}) IS NULL THEN NULL
    ELSE LEAST(((${h}.checkpoint->>'through')::date - ${FOLD_LOOKBACK_DAYS})::text, ${window}) END`;
}

/** The logs filter of `historyColumns` for a `logsFromSql` expression. */
const logsFromFilter = (logsFrom: string): string =>
  ` AND l.log_date >= COALESCE((${logsFrom})::date, '-infinity'::date)`;

/** The records of any number of habits, every log, in one statement. */
const RECORDS_SQL = `SELECT h.id, ${historyColumns('h.id', '$2::text', '$3::text')}
   FROM unnest($1::uuid[]) AS h(id)`;
/** Records with the usable stored checkpoints ($4: the stats window's first day, as text). */
const RECORDS_WITH_CHECKPOINTS_SQL = `SELECT h.id,
   ${usableCheckpoint('h', '$2::text', 'NULL::text')} AS checkpoint,
   ${logsFromSql('h', '$2::text', 'NULL::text', '$4::text')} AS "logsFrom",
   ${historyColumns('h.id', '$2::text', '$3::text', logsFromFilter(logsFromSql('h', '$2::text', 'NULL::text', '$4::text')))}
 FROM habits h WHERE h.id = ANY($1::uuid[])`;

export interface RecordsRow {
  id: string;
  checkpoint?: HabitCheckpoint | null;
  logsFrom?: LocalDate | null;
  schedules: ScheduleVersion[];
  pauses: PausePeriodSnapshot[];
  /** `value`: a measurable habit's exact value (JSON carries numeric's decimal as written). */
  logs: [LocalDate, HabitLogEntity['status'], string | null, string | null, number | null][];
}

function toRecords(row: Omit<RecordsRow, 'id'>, today: LocalDate): HabitRecords {
  const recentFrom = addDays(today, -(RECENT_DAYS - 1));
  const records: HabitRecords = {
    schedules: row.schedules,
    pauses: row.pauses,
    logs: [],
    todayLog: null,
    recentLogIds: new Map(),
    checkpoint: row.checkpoint ?? null,
  };
  // The SQL's window must be the domain's (one rule): else the checkpoint is not used.
  if (
    records.checkpoint !== null &&
    row.logsFrom !== logsNeededFrom({ kind: 'check' }, records.checkpoint.through, today)
  )
    throw new Error(`checkpoint window ${row.logsFrom} differs from the engine's`);
  for (const [date, status, id, notes, value] of row.logs) {
    records.logs.push(value === null ? { date, status } : { date, status, value });
    if (date === today) records.todayLog = { id: id!, status, notes, value };
    if (date >= recentFrom && date <= today) records.recentLogIds.set(date, id!);
  }
  return records;
}

/**
 * For a write's own statement (see HabitLogsRepository): the select list of a habit row `h`
 * (already locked by the statement) with its records, as `habitWithRecordsFrom` reads them.
 * `today`, `recentFrom`, `changedFrom` (see `lockOwnedWithRecords`) and `window` (the domain's
 * `statsWindowStart`) are SQL text expressions.
 */
export function habitWithRecordsSelect(
  h: string,
  sql: { today: string; recentFrom: string; changedFrom: string; window: string },
): string {
  const logsFrom = logsFromSql(h, sql.today, sql.changedFrom, sql.window);
  return `row_to_json(${h}) AS habit,
    ${usableCheckpoint(h, sql.today, sql.changedFrom)} AS checkpoint,
    ${logsFrom} AS "logsFrom",
    ${historyColumns(`${h}.id`, sql.today, sql.recentFrom, logsFromFilter(logsFrom))}`;
}

/** The habit and records of a row selected with `habitWithRecordsSelect`. */
export function habitWithRecordsFrom(
  manager: EntityManager,
  row: Omit<RecordsRow, 'id'> & { habit: Record<string, unknown> },
  today: LocalDate,
): { habit: HabitEntity; records: HabitRecords } {
  return { habit: entityFromJson(manager, HabitEntity, row.habit), records: toRecords(row, today) };
}

/**
 * Every column of a habit as a plain camelCase row (the entity's shape without its hydration):
 * reads that list habits select these beside their records in one statement.
 */
const HABIT_ROW_COLUMNS = `h.id, h.user_id AS "userId", h.name, h.description, h.frequency,
   h.times_per_week AS "timesPerWeek", h.days_of_week AS "daysOfWeek",
   h.interval_days AS "intervalDays", h.start_date::text AS "startDate", h.difficulty,
   h.priority, h.status, h.color, h.icon, h.position, h.current_streak AS "currentStreak",
   h.longest_streak AS "longestStreak", h.total_completions AS "totalCompletions",
   h.total_skips AS "totalSkips", h.consistency_score AS "consistencyScore",
   h.failure_rate AS "failureRate", h.strength, h.consecutive_misses AS "consecutiveMisses",
   h.last_completed_date::text AS "lastCompletedDate",
   h.suggested_frequency AS "suggestedFrequency",
   h.last_risk_alert_date::text AS "lastRiskAlertDate", h.stats_as_of::text AS "statsAsOf",
   h.next_due_date::text AS "nextDueDate", h.due_today AS "dueToday",
   h.week_done AS "weekDone", h.week_quota AS "weekQuota", h.created_on::text AS "createdOn",
   h.version, h.created_at AS "createdAt", h.updated_at AS "updatedAt", h.kind, h.unit,
   h.target_type AS "targetType", h.target_value::text AS "targetValue",
   h.target_period AS "targetPeriod", h.period, h.external_id AS "externalId"`;

/** A row of HABIT_ROW_COLUMNS: the entity's fields, numeric's exact decimal text as read. */
type HabitRow = Omit<HabitEntity, 'targetValue'> & { targetValue: string | null };

/** A row of HABIT_ROW_COLUMNS as the entity (numeric's exact decimal text → its number). */
function habitFromRow(row: HabitRow): HabitEntity {
  return {
    ...row,
    targetValue: row.targetValue === null ? null : Number(row.targetValue),
  } as HabitEntity;
}

/**
 * The user's habits (all, one status or one id; in list order) with their records holding only
 * the logs dated in [$4, $5] ([$9, $5] for a measurable habit when $9 is given: its period may
 * start earlier): $1 user, $2 today, $3 first recent day, $6 status, $7 habit id.
 */
const LIST_WITH_RECORDS_SQL = `SELECT ${HABIT_ROW_COLUMNS},
     ${historyColumns(
       'h.id',
       '$2::text',
       '$3::text',
       ` AND l.log_date BETWEEN (CASE WHEN h.kind = 'measure' THEN COALESCE($9::date, $4::date)
       ELSE $4::date END) AND $5::date`,
     )}
   FROM habits h
  WHERE h.user_id = $1 AND ($6::varchar IS NULL OR h.status = $6::varchar)
    AND ($7::uuid IS NULL OR h.id = $7::uuid)
  ORDER BY h.position, h.created_at, h.id
  LIMIT $8`;

/**
 * The habits of these users whose statistics are not as of $2 (the day the batch's users
 * share; with $5 true, every habit of theirs, from scratch: the rebuild), as plain rows in id
 * order (the scheduled jobs' batch), each with its usable stored checkpoint (none from scratch)
 * and only the logs needed besides it ($4: the stats window's first day; every log without a
 * checkpoint): those logs as one text (`2026-03-09done,2026-03-10skipped`, a third of JSON's
 * cost) and the recent days' logs with their ids (and today's notes) as JSON, for the
 * snapshots of events.
 */
const unlessFromScratch = (expression: string): string =>
  `CASE WHEN $5::boolean THEN NULL ELSE (${expression}) END`;
const STALE_WITH_RECORDS_SQL = `SELECT ${HABIT_ROW_COLUMNS},
     ${unlessFromScratch(usableCheckpoint('h', '$2::text', 'NULL::text'))} AS checkpoint,
     ${unlessFromScratch(logsFromSql('h', '$2::text', 'NULL::text', '$4::text'))} AS "logsFrom",
     COALESCE((SELECT json_agg(json_build_object(
         'effectiveFrom', s.effective_from, 'frequency', s.frequency,
         'timesPerWeek', s.times_per_week, 'daysOfWeek', s.days_of_week,
         'intervalDays', s.interval_days) ORDER BY s.effective_from)
       FROM habit_schedules s WHERE s.habit_id = h.id), '[]'::json) AS schedules,
     COALESCE((SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date)
         ORDER BY p.from_date)
       FROM habit_pauses p WHERE p.habit_id = h.id), '[]'::json) AS pauses,
     (SELECT string_agg(l.log_date::text || l.status || coalesce('=' || l.value::text, ''), ','
          ORDER BY l.log_date)
        FROM habit_logs l
       WHERE l.habit_id = h.id${logsFromFilter(unlessFromScratch(logsFromSql('h', '$2::text', 'NULL::text', '$4::text')))}) AS "logText",
     COALESCE((SELECT json_agg(json_build_array(
         l.log_date, l.status, l.id, CASE WHEN l.log_date = $2::date THEN l.notes END, l.value)
         ORDER BY l.log_date)
       FROM habit_logs l
      WHERE l.habit_id = h.id AND l.log_date BETWEEN $3::date AND $2::date), '[]'::json) AS logs
   FROM habits h
  WHERE h.user_id = ANY($1::uuid[]) AND ($5::boolean OR h.stats_as_of IS DISTINCT FROM $2::date)
  ORDER BY h.id`;

/**
 * A text of logs (`2026-03-09done,2026-03-10skipped,2026-03-11done=2.5`, by date; a measurable
 * log's value after `=` as numeric's exact decimal text; null: none) as the engine's entries.
 */
export function parseLogText(text: string | null): HabitLogEntry[] {
  if (text === null) return [];
  return text.split(',').map((entry) => {
    const value = entry.indexOf('=', 10);
    if (value < 0)
      return { date: entry.slice(0, 10), status: entry.slice(10) as HabitLogEntry['status'] };
    return {
      date: entry.slice(0, 10),
      status: entry.slice(10, value) as HabitLogEntry['status'],
      value: Number(entry.slice(value + 1)),
    };
  });
}

/** Which of the user's habits `listWithRecords` reads, and the range of their logs. */
export interface HabitsWithRecordsQuery {
  status?: HabitEntity['status'];
  habitId?: string;
  limit: number;
  /** Only the logs dated in [from, to] (the range a read shows plus the context its rules need). */
  from: LocalDate;
  /** A measurable habit's logs from this day instead of `from` (its period may start earlier). */
  measureFrom?: LocalDate;
  to: LocalDate;
  today: LocalDate;
}

/** A stored habit (a plain row of the entity's fields) and its records. */
export interface HabitWithRecords {
  habit: HabitEntity;
  records: HabitRecords;
}

export const habitNotFound = (): AppError =>
  AppError.notFound('HABIT_NOT_FOUND', 'Habit not found.');

/** Everything about a habit's past that the engine needs, loaded in one statement for any number of habits. */
export interface HabitRecords {
  schedules: ScheduleVersion[];
  pauses: PausePeriodSnapshot[];
  logs: HabitLogEntry[];
  /** The log dated the user's today, if any. */
  todayLog: (Pick<HabitLogEntity, 'id' | 'status' | 'notes'> & { value?: number | null }) | null;
  /** Ids of the logs of the last RECENT_DAYS days (for the habit's `recentDays`), by date. */
  recentLogIds: Map<LocalDate, string>;
  /**
   * The habit's stored checkpoint when `logs` holds only the logs a write needs besides it
   * (from the domain's `logsNeededFrom` on); null when `logs` holds every log.
   */
  checkpoint: HabitCheckpoint | null;
}

/** The only place with queries about habits, their schedule history and pauses. */
@Injectable()
export class HabitsRepository {
  /** The user's habit, locked for the rest of the transaction; 404 for anyone else's. */
  async lockOwned(manager: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    const habit = await manager
      .getRepository(HabitEntity)
      .findOne({ where: { id: habitId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!habit) throw habitNotFound();
    return habit;
  }

  /**
   * The user's habit, locked for the rest of the transaction, with its records as they are
   * before this transaction's own writes (one statement); 404 for anyone else's. `changedFrom`:
   * the first day the caller's write changes (a log's date); when it is after the stored
   * checkpoint, the records carry that checkpoint and only the logs a write needs besides it, so
   * today's log costs the same with 30 days or 3 years of history. Without `changedFrom`, or
   * for a write on or before the checkpoint, every log.
   */
  async lockOwnedWithRecords(
    manager: EntityManager,
    userId: string,
    habitId: string,
    today: LocalDate,
    changedFrom?: LocalDate,
  ): Promise<{ habit: HabitEntity; records: HabitRecords }> {
    const [todayExpr, changedExpr, windowExpr] = [
      'CAST(:today AS text)',
      'CAST(:changedFrom AS text)',
      'CAST(:window AS text)',
    ];
    const logsFrom = logsFromSql('"h"', todayExpr, changedExpr, windowExpr);
    const { entities, raw } = await manager
      .getRepository(HabitEntity)
      .createQueryBuilder('h')
      .addSelect(usableCheckpoint('"h"', todayExpr, changedExpr), 'checkpoint')
      .addSelect(logsFrom, 'logsFrom')
      .addSelect(
        historyColumns(
          '"h"."id"',
          todayExpr,
          'CAST(:recentFrom AS text)',
          logsFromFilter(logsFrom),
        ),
      )
      .where('h.id = :habitId AND h.user_id = :userId', { habitId, userId })
      .setParameters({
        today,
        recentFrom: addDays(today, -(RECENT_DAYS - 1)),
        // No change given: no day is after a checkpoint, so every log is read.
        changedFrom: changedFrom ?? '0000-01-01',
        window: statsWindowStart({}, today),
      })
      .setLock('pessimistic_write')
      .getRawAndEntities<Omit<RecordsRow, 'id'>>();
    if (entities.length === 0) throw habitNotFound();
    return { habit: entities[0], records: toRecords(raw[0], today) };
  }

  /** All of the user's habits, locked in id order (so concurrent writers never deadlock). */
  lockAllOfUser(manager: EntityManager, userId: string): Promise<HabitEntity[]> {
    return manager
      .getRepository(HabitEntity)
      .find({ where: { userId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async findOwned(manager: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    const habit = await manager
      .getRepository(HabitEntity)
      .findOne({ where: { id: habitId, userId } });
    if (!habit) throw habitNotFound();
    return habit;
  }

  list(
    manager: EntityManager,
    userId: string,
    status: string | undefined,
    limit: number,
  ): Promise<HabitEntity[]> {
    return manager.getRepository(HabitEntity).find({
      where: status ? { userId, status: status as HabitEntity['status'] } : { userId },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** The place after the user's last habit (call with the user row locked). */
  async nextPosition(manager: EntityManager, userId: string): Promise<number> {
    const rows: { last: number | null }[] = await manager.query(
      'SELECT max(position) AS last FROM habits WHERE user_id = $1',
      [userId],
    );
    return (rows[0]?.last ?? 0) + 1;
  }

  /**
   * Gives the listed habits of the user, in this order, the places they hold among themselves
   * (one statement); bumps the version of those that move. Answers how many ids were the user's.
   */
  async reorder(
    manager: EntityManager,
    userId: string,
    habitIds: string[],
    now: Date,
  ): Promise<number> {
    const rows: { owned: number }[] = await manager.query(
      `WITH listed AS (
         SELECT id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS l(id, ord)
       ), owned AS (
         SELECT h.id, h.position, l.ord FROM habits h JOIN listed l ON l.id = h.id
         WHERE h.user_id = $1
       ), places AS (
         SELECT position, row_number() OVER (ORDER BY position, id) AS rank FROM owned
       ), moves AS (
         SELECT o.id, p.position
         FROM (SELECT id, row_number() OVER (ORDER BY ord) AS rank FROM owned) o
         JOIN places p ON p.rank = o.rank
       ), updated AS (
         UPDATE habits h SET position = m.position, version = h.version + 1, updated_at = $3
         FROM moves m WHERE h.id = m.id AND h.position <> m.position
         RETURNING h.id
       )
       SELECT (SELECT count(*) FROM owned)::int AS owned`,
      [userId, habitIds, now],
    );
    return rows[0]?.owned ?? 0;
  }

  async insert(manager: EntityManager, habit: NewHabit): Promise<HabitEntity> {
    const repo = manager.getRepository(HabitEntity);
    return repo.save(repo.create(habit));
  }

  async update(manager: EntityManager, habitId: string, changes: HabitChanges): Promise<void> {
    await manager.getRepository(HabitEntity).update({ id: habitId }, changes);
  }

  /** Deletes the habit (its logs, schedules, pauses and goal links by ON DELETE CASCADE). */
  async delete(manager: EntityManager, habitId: string): Promise<void> {
    await manager.getRepository(HabitEntity).delete({ id: habitId });
  }

  /**
   * `writeStats` as a deferred write (sent with the write's last statement): nothing comes
   * back, so the caller sets `version` + 1 and `updatedAt` = `now` itself (the rows are locked).
   */
  statsWrite(
    rows: { id: string; stats: StoredStats; checkpoint: HabitCheckpoint | null }[],
    now: Date,
  ): { sql: string; params: unknown[] } {
    return { sql: WRITE_STATS_SQL, params: statsParams(rows, now) };
  }

  /**
   * Writes recomputed statistics and each habit's checkpoint (the domain's `HabitCheckpoint`
   * through the user's yesterday, or null to drop it) and bumps `version` (one statement for any
   * number of habits). Checkpoint API: the only place that stores checkpoints.
   */
  async writeStats(
    manager: EntityManager,
    rows: { id: string; stats: StoredStats; checkpoint: HabitCheckpoint | null }[],
    now: Date,
  ): Promise<Map<string, { version: number; updatedAt: Date }>> {
    const updated = await queryRows<{ id: string; version: number; updated_at: Date }>(
      manager,
      WRITE_STATS_SQL,
      statsParams(rows, now),
    );
    return new Map(updated.map((u) => [u.id, { version: u.version, updatedAt: u.updated_at }]));
  }

  /** Whether any of the user's habits has statistics computed for another day than `today`. */
  async anyStale(manager: EntityManager, userId: string, today: LocalDate): Promise<boolean> {
    const rows = await queryRows<{ stale: boolean }>(
      manager,
      'SELECT EXISTS (SELECT 1 FROM habits WHERE user_id = $1 AND stats_as_of IS DISTINCT FROM $2) AS stale',
      [userId, today],
    );
    return rows[0]?.stale === true;
  }

  /** The user's habits among these ids. */
  findOwnedIn(manager: EntityManager, userId: string, habitIds: string[]): Promise<HabitEntity[]> {
    return manager.getRepository(HabitEntity).find({ where: { id: In(habitIds), userId } });
  }

  /** Every habit in id order, a page after `afterId` (the verifier's scan). */
  page(manager: EntityManager, afterId: string, limit: number): Promise<HabitEntity[]> {
    return manager
      .getRepository(HabitEntity)
      .find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }

  count(manager: EntityManager, userId: string): Promise<number> {
    return manager.getRepository(HabitEntity).count({ where: { userId } });
  }

  /** Ids among `habitIds` that belong to the user. */
  async ownedIds(manager: EntityManager, userId: string, habitIds: string[]): Promise<Set<string>> {
    if (habitIds.length === 0) return new Set();
    const rows = await manager
      .getRepository(HabitEntity)
      .find({ select: { id: true }, where: { userId, id: In(habitIds) } });
    return new Set(rows.map((r) => r.id));
  }

  /** The kinds of the habits among `habitIds` that belong to the user, by id. */
  async ownedKinds(
    manager: EntityManager,
    userId: string,
    habitIds: string[],
  ): Promise<Map<string, HabitEntity['kind']>> {
    if (habitIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(HabitEntity)
      .find({ select: { id: true, kind: true }, where: { userId, id: In(habitIds) } });
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  async pausesOf(
    manager: EntityManager,
    habitIds: string[],
  ): Promise<Map<string, PausePeriodSnapshot[]>> {
    const result = new Map<string, PausePeriodSnapshot[]>(habitIds.map((id) => [id, []]));
    if (habitIds.length === 0) return result;
    const rows = await manager
      .getRepository(HabitPauseEntity)
      .find({ where: { habitId: In(habitIds) }, order: { fromDate: 'ASC' } });
    for (const row of rows) result.get(row.habitId)?.push({ from: row.fromDate, to: row.toDate });
    return result;
  }

  async logsOn(
    manager: EntityManager,
    habitIds: string[],
    day: LocalDate,
  ): Promise<Map<string, HabitLogEntity>> {
    if (habitIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(HabitLogEntity)
      .find({ where: { habitId: In(habitIds), logDate: day } });
    return new Map(rows.map((r) => [r.habitId, r]));
  }

  /**
   * The user's habits as plain rows with their schedules, pauses and the logs of a range, in
   * list order, in one statement (no entity hydration, no log outside the range): what the
   * habit list, the dashboard and the suggestions read.
   */
  async listWithRecords(
    manager: EntityManager,
    userId: string,
    query: HabitsWithRecordsQuery,
  ): Promise<HabitWithRecords[]> {
    const rows = await queryRows<HabitRow & Omit<RecordsRow, 'id'>>(
      manager,
      LIST_WITH_RECORDS_SQL,
      [
        userId,
        query.today,
        addDays(query.today, -(RECENT_DAYS - 1)),
        query.from,
        query.to,
        query.status ?? null,
        query.habitId ?? null,
        query.limit,
        query.measureFrom ?? null,
      ],
    );
    return rows.map(({ schedules, pauses, logs, ...habit }) => ({
      habit: habitFromRow(habit),
      records: toRecords({ schedules, pauses, logs }, query.today),
    }));
  }

  /**
   * The habits of these users whose statistics are not as of `today` (`fromScratch`: all of
   * them, with every log and no checkpoint), as plain rows with their records, in one statement
   * (call with the users' rows locked).
   */
  async staleWithRecords(
    manager: EntityManager,
    userIds: string[],
    today: LocalDate,
    fromScratch = false,
  ): Promise<HabitWithRecords[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<HabitRow & Omit<RecordsRow, 'id'> & { logText: string | null }>(
      manager,
      STALE_WITH_RECORDS_SQL,
      [
        userIds,
        today,
        addDays(today, -(RECENT_DAYS - 1)),
        statsWindowStart({}, today),
        fromScratch,
      ],
    );
    return rows.map(({ schedules, pauses, logs, logText, checkpoint, logsFrom, ...habit }) => ({
      habit: habitFromRow(habit),
      // The recent logs give the ids and today's log; the text gives the logs the engine reads.
      records: {
        ...toRecords({ schedules, pauses, logs, checkpoint, logsFrom }, today),
        logs: parseLogText(logText),
      },
    }));
  }

  /** Schedule history, pauses and every log of the habits (one statement). */
  recordsOf(
    manager: EntityManager,
    habitIds: string[],
    today: LocalDate,
  ): Promise<Map<string, HabitRecords>> {
    return this.loadRecords(manager, habitIds, today);
  }

  /**
   * Checkpoint API (the day rollover): like `recordsOf`, but each habit with a usable stored
   * checkpoint (through a day before `today`) comes with it and only the logs needed besides it
   * (the domain's `logsNeededFrom`); the others with every log. One statement for any number of
   * habits. Only for a caller that has not changed these habits' history in its transaction
   * (a write that did passes its first changed day to `lockOwnedWithRecords` instead). Hand the
   * records to `HabitStatsService.recompute`, which advances each checkpoint to yesterday and
   * saves it with the statistics (`writeStats`).
   */
  recordsWithCheckpoints(
    manager: EntityManager,
    habitIds: string[],
    today: LocalDate,
  ): Promise<Map<string, HabitRecords>> {
    return this.loadRecords(manager, habitIds, today, 'checkpoints');
  }

  private async loadRecords(
    manager: EntityManager,
    habitIds: string[],
    today: LocalDate,
    mode: 'checkpoints' | null = null,
  ): Promise<Map<string, HabitRecords>> {
    const result = new Map<string, HabitRecords>(
      habitIds.map((id) => [
        id,
        {
          schedules: [],
          pauses: [],
          logs: [],
          todayLog: null,
          recentLogIds: new Map(),
          checkpoint: null,
        },
      ]),
    );
    if (habitIds.length === 0) return result;
    const recentFrom = addDays(today, -(RECENT_DAYS - 1));
    const rows = await queryRows<RecordsRow>(
      manager,
      mode === 'checkpoints' ? RECORDS_WITH_CHECKPOINTS_SQL : RECORDS_SQL,
      mode === 'checkpoints'
        ? [habitIds, today, recentFrom, statsWindowStart({}, today)]
        : [habitIds, today, recentFrom],
    );
    for (const row of rows) result.set(row.id, toRecords(row, today));
    return result;
  }

  async replacePauses(
    manager: EntityManager,
    habitId: string,
    pauses: PausePeriodSnapshot[],
  ): Promise<void> {
    await manager.getRepository(HabitPauseEntity).delete({ habitId });
    if (pauses.length > 0) {
      await manager
        .getRepository(HabitPauseEntity)
        .insert(pauses.map((p) => ({ habitId, fromDate: p.from, toDate: p.to })));
    }
  }

  /** The schedule in force from `effectiveFrom`; a second edit the same day replaces the first. */
  async saveScheduleVersion(
    manager: EntityManager,
    habitId: string,
    effectiveFrom: LocalDate,
    schedule: Schedule,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO habit_schedules (habit_id, effective_from, frequency, times_per_week, days_of_week, interval_days)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (habit_id, effective_from) DO UPDATE
         SET frequency = excluded.frequency, times_per_week = excluded.times_per_week,
             days_of_week = excluded.days_of_week, interval_days = excluded.interval_days`,
      [
        habitId,
        effectiveFrom,
        schedule.frequency,
        schedule.timesPerWeek,
        schedule.daysOfWeek,
        schedule.intervalDays,
      ],
    );
  }

  /** The day the habit's first schedule version took effect (its every-N-days anchor). */
  async firstScheduleDate(manager: EntityManager, habitId: string): Promise<LocalDate | null> {
    const rows: { first: string | null }[] = await manager.query(
      'SELECT min(effective_from) AS first FROM habit_schedules WHERE habit_id = $1',
      [habitId],
    );
    return rows[0]?.first ?? null;
  }

  async earliestLogDate(manager: EntityManager, habitId: string): Promise<LocalDate | null> {
    const rows: { first: string | null }[] = await manager.query(
      'SELECT min(log_date) AS first FROM habit_logs WHERE habit_id = $1',
      [habitId],
    );
    return rows[0]?.first ?? null;
  }
}

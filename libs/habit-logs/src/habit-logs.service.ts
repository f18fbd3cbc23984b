import { AppError, AuthUser, Upserted } from '@app/common';
import type { HabitEntity } from '@app/database';
import {
  addDays,
  diffDays,
  DomainError,
  FieldError,
  MAX_MEASURE_VALUE,
  validateLogInput,
} from '@app/domain';
import { UnitOfWork, WriteContext } from '@app/unit-of-work';
import { EntityManager } from 'typeorm';
import { GoalProgressService } from '@app/goal-progress';
import {
  habitNotFound,
  HabitFreshnessService,
  HabitsRepository,
  HabitStatsService,
  withoutLogOn,
  withWrittenLog,
} from '@app/habits';
import { Injectable } from '@nestjs/common';
import {
  HabitAfterLogDeleteDto,
  HabitLogDto,
  ListHabitLogsQueryDto,
  LoggedHabitDto,
  LogHabitDto,
  toHabitLogDto,
} from './habit-log.dto';
import { HabitLogsRepository, StoredLog } from './habit-logs.repository';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

export const DEFAULT_LOG_RANGE_DAYS = 90;
export const MAX_RANGE_DAYS = 371;

const logNotFound = () => AppError.notFound('LOG_NOT_FOUND', 'Log not found.');

/** An `Idempotency-Key`: 1–200 visible ASCII characters (a UUID, say). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The header's key, or undefined without one; 400 when malformed. */
export function checkedIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) {
    throw AppError.badRequest(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 1–200 visible ASCII characters.',
    );
  }
  return raw;
}

/**
 * The body's fields by the habit's kind (SPEC.md §6): a check habit needs a status and refuses
 * `value`/`add`; a measurable one takes exactly one of `value`, `add` and `status: skipped`.
 */
function checkLogInput(habit: HabitEntity, dto: LogHabitDto): void {
  const errors: FieldError[] = validateLogInput(habit.kind, dto);
  if (errors.length > 0) throw new DomainError(errors[0].code, 'The log is not valid.', errors);
  if (habit.kind === 'check' && dto.status === undefined) {
    // As the body's validation answered before status became optional for measurable habits.
    throw AppError.validation([
      { path: 'status', code: 'IS_IN', message: 'status must be one of: done, skipped, missed.' },
    ]);
  }
}

/** Logging, listing and undoing (SPEC.md §3 "Logs"); writes recompute the habit and its goals in the same transaction. */
@Injectable()
export class HabitLogsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly logs: HabitLogsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly freshness: HabitFreshnessService,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
  ) {}

  /**
   * Creates or replaces the log of (habit, day), or adds to a measurable day; `created` tells
   * which. With an `Idempotency-Key` the first answer under that key (for 24 h) is kept with the
   * write and given again instead of writing twice, in any API process.
   */
  log(
    user: AuthUser,
    dto: LogHabitDto,
    idempotencyKey?: string,
  ): Promise<Upserted<LoggedHabitDto>> {
    const key = checkedIdempotencyKey(idempotencyKey);
    if (key === undefined)
      return this.uow.run(user, (manager, ctx) => this.write(manager, ctx, dto));
    return this.uow.run(user, async (manager, ctx) => {
      const first = await this.idempotencyKeys.find(manager, user.id, key, ctx.now);
      if (first) return { created: first.statusCode === 201, body: first.body as LoggedHabitDto };
      const answer = await this.write(manager, ctx, dto);
      await this.idempotencyKeys.save(
        manager,
        user.id,
        key,
        { statusCode: answer.created ? 201 : 200, body: answer.body },
        ctx.now,
      );
      return answer;
    });
  }

  /**
   * A check habit's write in five round trips in all: the guard's lookup, START TRANSACTION with
   * the user's lock, the habit locked with its records and goals and the upsert (one statement),
   * the statistics, goals and outbox (one statement), COMMIT. A measurable habit's write is not
   * in the locking statement (see `writeMeasure`), nor are its goals' amounts (counted again).
   */
  private async write(
    manager: EntityManager,
    ctx: WriteContext,
    dto: LogHabitDto,
  ): Promise<Upserted<LoggedHabitDto>> {
    const user = ctx.user;
    const logDate = dto.logDate ?? ctx.today;
    // Without `notes` in the body a new status keeps the day's notes (a one-tap toggle);
    // `notes: null` clears them. A body with a value or an add writes no status here.
    const plainStatus = dto.value === undefined && dto.add === undefined;
    const locked = await this.logs.lockHabitAndUpsert(
      manager,
      user.id,
      {
        habitId: dto.habitId,
        logDate,
        status: plainStatus ? (dto.status ?? null) : null,
        notes: dto.notes,
      },
      ctx.today,
      ctx.now,
    );
    const { habit, records } = locked;
    if (!habit || !records) throw habitNotFound();
    checkLogInput(habit, dto);
    if (logDate > ctx.today) {
      throw AppError.unprocessable(
        'LOG_DATE_IN_FUTURE',
        `You can log up to your today (${ctx.today}), not ${logDate}.`,
      );
    }
    if (logDate < habit.startDate) {
      throw AppError.unprocessable(
        'LOG_DATE_BEFORE_START',
        `The habit starts on ${habit.startDate}; ${logDate} is before it.`,
      );
    }
    const written =
      habit.kind === 'measure'
        ? await this.writeMeasure(manager, ctx, habit, logDate, dto)
        : locked.result!;
    const log = toHabitLogDto(written.log);
    const before = records.logs.find((l) => l.date === logDate)?.status ?? null;
    const after = new Map([[habit.id, withWrittenLog(records, written.log, ctx.today)]]);
    const recomputed = (
      await this.stats.recompute(manager, ctx, [habit], { records: after, defer: true })
    ).get(habit.id)!;
    ctx.events.record(user.id, 'habit_logged', { log, habit: recomputed.dto });
    this.stats.recordTransitions(ctx, [recomputed]);
    await this.goals.refreshLockedOrRecount(manager, ctx, locked.goals, {
      habitId: habit.id,
      date: logDate,
      doneDelta: (written.log.status === 'done' ? 1 : 0) - (before === 'done' ? 1 : 0),
    });
    return { created: written.inserted, body: { log, habit: recomputed.dto } };
  }

  /**
   * A measurable habit's write (SPEC.md §6), kept apart from the check habits' path: `add`
   * sums in the row's own upsert (atomic), `value` replaces the day's value, `status: skipped`
   * clears it. 422 LOG_VALUE_TOO_LARGE when an add would pass the largest value.
   */
  private async writeMeasure(
    manager: EntityManager,
    ctx: WriteContext,
    habit: HabitEntity,
    logDate: string,
    dto: LogHabitDto,
  ): Promise<{ log: StoredLog; inserted: boolean }> {
    const write = { habitId: habit.id, logDate, notes: dto.notes };
    if (dto.add === undefined)
      return this.logs.upsertValue(manager, { ...write, value: dto.value ?? null }, ctx.now);
    const added = await this.logs.addValue(
      manager,
      { ...write, add: dto.add },
      MAX_MEASURE_VALUE,
      ctx.now,
    );
    if (added === null) {
      throw AppError.unprocessable(
        'LOG_VALUE_TOO_LARGE',
        `A day's value can be at most ${MAX_MEASURE_VALUE}.`,
      );
    }
    return added;
  }

  async list(
    user: AuthUser,
    habitId: string,
    query: ListHabitLogsQueryDto,
  ): Promise<HabitLogDto[]> {
    const today = await this.freshness.ensureFresh(user);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(DEFAULT_LOG_RANGE_DAYS - 1));
    if (from > to) throw AppError.badRequest('INVALID_RANGE', '`from` must not be after `to`.');
    if (diffDays(to, from) + 1 > MAX_RANGE_DAYS) {
      throw AppError.badRequest('RANGE_TOO_LONG', `A range covers at most ${MAX_RANGE_DAYS} days.`);
    }
    return this.uow.read(async (manager) => {
      const habit = await this.habits.findOwned(manager, user.id, habitId);
      return (await this.logs.between(manager, habit.id, from, to)).map(toHabitLogDto);
    });
  }

  /** Undo: removes the log and answers the habit as it is without it (five round trips, as `log`). */
  remove(user: AuthUser, logId: string): Promise<HabitAfterLogDeleteDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const locked = await this.logs.lockHabitAndDelete(manager, user.id, logId, ctx.today);
      const { habit, records } = locked;
      // Not the user's log, or a concurrent undo removed it first.
      const day = locked.result;
      if (!habit || !records || day === null) throw logNotFound();
      const before = records.logs.find((l) => l.date === day)?.status ?? null;
      const after = new Map([[habit.id, withoutLogOn(records, day, ctx.today)]]);
      const recomputed = (
        await this.stats.recompute(manager, ctx, [habit], { records: after, defer: true })
      ).get(habit.id)!;
      // Other tabs need the habit without the log even when the streak did not move.
      if (!recomputed.streakChanged)
        ctx.events.record(user.id, 'streak_update', { habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      await this.goals.refreshLockedOrRecount(manager, ctx, locked.goals, {
        habitId: habit.id,
        date: day,
        doneDelta: before === 'done' ? -1 : 0,
      });
      return { habit: recomputed.dto };
    });
  }
}

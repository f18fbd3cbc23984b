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

  private async write(
    manager: EntityManager,
    ctx: WriteContext,
    dto: LogHabitDto,
  ): Promise<Upserted<LoggedHabitDto>> {
    const user = ctx.user;
    // (A block, so the check habits' steps below keep their place for a clean merge.)
    {
      // The habit and its records (as before this write) in the statement that locks it.
      const { habit, records } = await this.habits.lockOwnedWithRecords(
        manager,
        user.id,
        dto.habitId,
        ctx.today,
      );
      checkLogInput(habit, dto);
      const logDate = dto.logDate ?? ctx.today;
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
      // Without `notes` in the body a new status keeps the day's notes (a one-tap toggle);
      // `notes: null` clears them.
      const written =
        habit.kind === 'measure'
          ? await this.writeMeasure(manager, ctx, habit, logDate, dto)
          : await this.logs.upsert(
              manager,
              { habitId: habit.id, logDate, status: dto.status!, notes: dto.notes },
              ctx.now,
            );
      const log = toHabitLogDto(written.log);
      const after = new Map([[habit.id, withWrittenLog(records, written.log, ctx.today)]]);
      const recomputed = (
        await this.stats.recompute(manager, ctx, [habit], { records: after })
      ).get(habit.id)!;
      ctx.events.record(user.id, 'habit_logged', { log, habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      await this.goals.refreshLinkedTo(manager, ctx, [habit.id]);
      return { created: written.inserted, body: { log, habit: recomputed.dto } };
    }
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

  /** Undo: removes the log and answers the habit as it is without it. */
  remove(user: AuthUser, logId: string): Promise<HabitAfterLogDeleteDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const habitId = await this.logs.habitOfOwnedLog(manager, user.id, logId);
      if (habitId === null) throw logNotFound();
      const { habit, records } = await this.habits.lockOwnedWithRecords(
        manager,
        user.id,
        habitId,
        ctx.today,
      );
      // Null when a concurrent undo removed it first.
      const day = await this.logs.delete(manager, habit.id, logId);
      if (day === null) throw logNotFound();
      const after = new Map([[habit.id, withoutLogOn(records, day, ctx.today)]]);
      const recomputed = (
        await this.stats.recompute(manager, ctx, [habit], { records: after })
      ).get(habit.id)!;
      // Other tabs need the habit without the log even when the streak did not move.
      if (!recomputed.streakChanged)
        ctx.events.record(user.id, 'streak_update', { habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      await this.goals.refreshLinkedTo(manager, ctx, [habit.id]);
      return { habit: recomputed.dto };
    });
  }
}

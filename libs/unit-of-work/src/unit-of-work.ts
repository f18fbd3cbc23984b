import { AppError, AuthUser, Clock } from '@app/common';
import type { LocalDate } from '@app/contracts';
import { userDayOf } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DeferredWrites } from './deferred-writes';
import { EventBuffer } from './event-buffer';
import { UnitOfWorkRepository } from './unit-of-work.repository';

/** How long a write waits for another write of the same user before answering 503. */
export const USER_LOCK_TIMEOUT_MS = 5_000;
/** Attempts of a write that PostgreSQL aborted as a deadlock or serialization failure. */
const MAX_ATTEMPTS = 3;
/** SQLSTATEs after which running the whole transaction again is safe and likely to succeed. */
const RETRYABLE = new Set(['40P01', '40001']);

function isRetryable(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  return RETRYABLE.has((error.driverError as { code?: string } | undefined)?.code ?? '');
}

/** Who writes: what the unit of work needs of a user (the signed-in user, or a job's). */
export type Writer = Pick<AuthUser, 'id' | 'timezone' | 'dayStartHour'>;

/**
 * What a step sees that may serve several users sharing a day (the scheduled jobs' batches):
 * that day, the instant, and the events so far (each recorded for its own user).
 */
export interface DayContext {
  today: LocalDate;
  now: Date;
  events: EventBuffer;
  /** Writes sent with the outbox append in the write's last statement (see DeferredWrite). */
  deferred: DeferredWrites;
}

/** What every step of one write sees: the user, their day, the instant, and the events so far. */
export interface WriteContext extends DayContext {
  user: Writer;
}

/**
 * One transaction per write: it first locks the user's row (so one user's writes queue behind
 * each other instead of deadlocking; at most USER_LOCK_TIMEOUT_MS, then 503), the steps run on
 * its EntityManager (never the global pool, which would deadlock on the embedded database), the
 * recorded events are written to the outbox before commit, and listeners hear about them after
 * commit. A transaction PostgreSQL aborts as a deadlock (with another user's write or a job) is
 * run again, at most MAX_ATTEMPTS times in all.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('UnitOfWork');
  private readonly committedListeners: ((userIds: string[]) => void)[] = [];
  private readonly writeListeners: ((userId: string) => Promise<void>)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: UnitOfWorkRepository,
  ) {}

  /** The user's day of the clock's now (SPEC.md §3 "Days"). */
  todayOf(
    user: Pick<Writer, 'timezone' | 'dayStartHour'>,
    now: Date = this.clock.now(),
  ): LocalDate {
    return userDayOf(now, user.timezone, user.dayStartHour);
  }

  async run<T>(
    user: Writer,
    work: (manager: EntityManager, ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(user, work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn(
          `a write of user ${user.id} was aborted (${(error as Error).message}); retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  private async runOnce<T>(
    user: Writer,
    work: (manager: EntityManager, ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    const now = this.clock.now();
    const ctx: WriteContext = {
      user,
      today: this.todayOf(user, now),
      now,
      events: new EventBuffer(),
      deferred: new DeferredWrites(),
    };
    let userIds: string[] = [];
    const result = await this.transaction(user.id, async (manager) => {
      const value = await work(manager, ctx);
      userIds = ctx.events.size > 0 ? [user.id] : [];
      const byUser = ctx.events.drain();
      // The deferred writes and the writer's events: one statement.
      await this.repository.finish(
        manager,
        ctx.deferred.drain(),
        user.id,
        byUser.get(user.id) ?? [],
      );
      byUser.delete(user.id);
      for (const [userId, events] of byUser)
        await this.repository.appendToOutbox(manager, userId, events);
      return value;
    });
    // Awaited, so a read after this write's response never sees a cache from before it.
    await Promise.all(this.writeListeners.map((listener) => listener(user.id)));
    if (userIds.length > 0) for (const listener of this.committedListeners) listener(userIds);
    return result;
  }

  /**
   * TypeORM's `dataSource.transaction`, with its START TRANSACTION sent together with the user's
   * row lock (one round trip, see `beginLockingUser`): the query runner is then marked as in a
   * transaction, as `startTransaction` would, so that TypeORM's own saves inside do not open
   * one of their own, and COMMIT/ROLLBACK go through its `commitTransaction`/`rollbackTransaction`.
   */
  private async transaction<T>(
    userId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      try {
        const exists = await this.repository.beginLockingUser(
          runner.manager,
          userId,
          USER_LOCK_TIMEOUT_MS,
        );
        Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
        if (!exists) throw AppError.unauthorized('TOKEN_INVALID', 'The account no longer exists.');
        const value = await work(runner.manager);
        await runner.commitTransaction();
        return value;
      } catch (error) {
        // As TypeORM's own `transaction`: a failed ROLLBACK (the connection is gone) must not
        // replace the error that caused it, which says what the client gets (e.g. a 503).
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * One transaction for a batch of users who share `today` (a scheduled job's batch): their rows
   * are locked in id order in one statement (each write of one of them waits meanwhile, as
   * behind another write of theirs), `work` gets the ids of those that still exist, and the
   * events it records go to the outbox per user before commit. Retried as `run` is.
   */
  async runBatch<T>(
    userIds: string[],
    today: LocalDate,
    work: (manager: EntityManager, ctx: DayContext, lockedUserIds: string[]) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runBatchOnce(userIds, today, work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn(`a batch of ${userIds.length} users was aborted; retrying`);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  private async runBatchOnce<T>(
    userIds: string[],
    today: LocalDate,
    work: (manager: EntityManager, ctx: DayContext, lockedUserIds: string[]) => Promise<T>,
  ): Promise<T> {
    const ctx: DayContext = {
      today,
      now: this.clock.now(),
      events: new EventBuffer(),
      deferred: new DeferredWrites(),
    };
    let locked: string[] = [];
    let withEvents: string[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      locked = await this.repository.lockUserRows(manager, userIds, USER_LOCK_TIMEOUT_MS);
      const value = await work(manager, ctx, locked);
      // A batch's steps write as they go; any deferred write is sent before the events.
      await this.repository.finish(manager, ctx.deferred.drain(), '', []);
      const byUser = ctx.events.drain();
      withEvents = [...byUser.keys()];
      for (const [userId, events] of byUser)
        await this.repository.appendToOutbox(manager, userId, events);
      return value;
    });
    for (const userId of locked)
      await Promise.all(this.writeListeners.map((listener) => listener(userId)));
    if (withEvents.length > 0) for (const listener of this.committedListeners) listener(withEvents);
    return result;
  }

  /** Reads outside a transaction (plain pool queries). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  /** Called after every committed write, with the writing user (caches drop their read models). */
  onCommitted(listener: (userId: string) => Promise<void>): void {
    this.writeListeners.push(listener);
  }

  /** Called after a commit that recorded events for these users (the outbox relay listens). */
  onEventsCommitted(listener: (userIds: string[]) => void): void {
    this.committedListeners.push(listener);
  }
}

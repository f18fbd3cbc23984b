import { AppError, AuthUser, Upserted } from '@app/common';
import { addDays, diffDays } from '@app/domain';
import { UnitOfWork } from '@app/unit-of-work';
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
import { HabitLogsRepository } from './habit-logs.repository';

export const DEFAULT_LOG_RANGE_DAYS = 90;
export const MAX_RANGE_DAYS = 371;

const logNotFound = () => AppError.notFound('LOG_NOT_FOUND', 'Log not found.');

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
  ) {}

  /** Creates or replaces the log of (habit, day); `created` tells which. */
  log(user: AuthUser, dto: LogHabitDto): Promise<Upserted<LoggedHabitDto>> {
    return this.uow.run(user, async (manager, ctx) => {
      const logDate = dto.logDate ?? ctx.today;
      // The habit and its records (as before this write) in the statement that locks it: with
      // its checkpoint and the recent logs only, unless the log is dated on/before the checkpoint.
      const { habit, records } = await this.habits.lockOwnedWithRecords(
        manager,
        user.id,
        dto.habitId,
        ctx.today,
        logDate,
      );
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
      const written = await this.logs.upsert(
        manager,
        { habitId: habit.id, logDate, status: dto.status, notes: dto.notes },
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
    });
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
      const owned = await this.logs.habitOfOwnedLog(manager, user.id, logId);
      if (owned === null) throw logNotFound();
      // A log's day never changes, so its day read before the lock is the day undone.
      const { habit, records } = await this.habits.lockOwnedWithRecords(
        manager,
        user.id,
        owned.habitId,
        ctx.today,
        owned.logDate,
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

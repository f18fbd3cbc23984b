import { AppError, AuthUser } from '@app/common';
import { HabitLogEntity, queryRows } from '@app/database';
import { addDays, diffDays } from '@app/domain';
import { UnitOfWork } from '@app/events';
import { GoalProgressService } from '@app/goals/progress';
import { HabitFreshnessService, HabitsRepository, HabitStatsService } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { Between } from 'typeorm';
import {
  HabitAfterLogDeleteDto,
  HabitLogDto,
  ListHabitLogsQueryDto,
  LoggedHabitDto,
  LogHabitDto,
  toHabitLogDto,
} from './habit-log.dto';

export const DEFAULT_LOG_RANGE_DAYS = 90;
export const MAX_RANGE_DAYS = 371;

const logNotFound = () => AppError.notFound('LOG_NOT_FOUND', 'Log not found.');

/** Logging, listing and undoing (SPEC.md §3 "Logs"); writes recompute the habit and its goals in the same transaction. */
@Injectable()
export class HabitLogsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly freshness: HabitFreshnessService,
  ) {}

  /** Creates or replaces the log of (habit, day); `created` tells which. */
  log(user: AuthUser, dto: LogHabitDto): Promise<{ created: boolean; body: LoggedHabitDto }> {
    return this.uow.run(user, async (manager, ctx) => {
      const habit = await this.habits.lockOwned(manager, user.id, dto.habitId);
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
      const rows = await queryRows<HabitLogEntity & { inserted: boolean }>(
        manager,
        `INSERT INTO habit_logs (habit_id, log_date, status, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (habit_id, log_date) DO UPDATE
           SET status = excluded.status,
               notes = CASE WHEN $6 THEN habit_logs.notes ELSE excluded.notes END,
               updated_at = excluded.updated_at
         RETURNING id, habit_id AS "habitId", log_date AS "logDate", status, notes, (xmax = 0) AS inserted`,
        // Without `notes` in the body a new status keeps the day's notes (a one-tap toggle);
        // `notes: null` clears them.
        [habit.id, logDate, dto.status, dto.notes ?? null, ctx.now, dto.notes === undefined],
      );
      const log = toHabitLogDto(rows[0]);
      const recomputed = (await this.stats.recompute(manager, ctx, [habit])).get(habit.id)!;
      ctx.events.record(user.id, 'habit_logged', { log, habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      await this.goals.refreshLinkedTo(manager, ctx, [habit.id]);
      return { created: rows[0].inserted, body: { log, habit: recomputed.dto } };
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
      const logs = await manager.getRepository(HabitLogEntity).find({
        where: { habitId: habit.id, logDate: Between(from, to) },
        order: { logDate: 'ASC' },
      });
      return logs.map(toHabitLogDto);
    });
  }

  /** Undo: removes the log and answers the habit as it is without it. */
  remove(user: AuthUser, logId: string): Promise<HabitAfterLogDeleteDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const owner: { habit_id: string }[] = await manager.query(
        'SELECT l.habit_id FROM habit_logs l JOIN habits h ON h.id = l.habit_id WHERE l.id = $1 AND h.user_id = $2',
        [logId, user.id],
      );
      if (owner.length === 0) throw logNotFound();
      const habit = await this.habits.lockOwned(manager, user.id, owner[0].habit_id);
      const deleted = await manager
        .getRepository(HabitLogEntity)
        .delete({ id: logId, habitId: habit.id });
      if (!deleted.affected) throw logNotFound(); // removed by a concurrent undo
      const recomputed = (await this.stats.recompute(manager, ctx, [habit])).get(habit.id)!;
      // Other tabs need the habit without the log even when the streak did not move.
      if (!recomputed.streakChanged)
        ctx.events.record(user.id, 'streak_update', { habit: recomputed.dto });
      this.stats.recordTransitions(ctx, [recomputed]);
      await this.goals.refreshLinkedTo(manager, ctx, [habit.id]);
      return { habit: recomputed.dto };
    });
  }
}

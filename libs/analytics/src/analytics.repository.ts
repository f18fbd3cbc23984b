import type { LocalDate } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GoalCountsDto } from './analytics.dto';

/** Aggregate queries the analytics need beyond the habits' own repository. */
@Injectable()
export class AnalyticsRepository {
  /** The user's goals by state as of `today`, in one statement. */
  async goalCounts(
    manager: EntityManager,
    userId: string,
    today: LocalDate,
  ): Promise<GoalCountsDto> {
    const rows: { completed: number; overdue: number; in_progress: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE is_completed)::int AS completed,
                count(*) FILTER (WHERE NOT is_completed AND deadline < $2)::int AS overdue,
                count(*) FILTER (WHERE NOT is_completed AND (deadline IS NULL OR deadline >= $2))::int AS in_progress
           FROM goals WHERE user_id = $1`,
      [userId, today],
    );
    const row = rows[0];
    return {
      inProgress: row?.in_progress ?? 0,
      completed: row?.completed ?? 0,
      overdue: row?.overdue ?? 0,
    };
  }
}

import type { LocalDate } from '@app/contracts';
import { HabitEntity, UserEntity } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Users who share a day: the same time zone, day-start hour and nudge hour. */
export interface UserGroup {
  timezone: string;
  dayStartHour: number;
  nudgeHour: number;
}

/** Which of a user's habits put them in a scan. */
export type HabitCondition =
  /** Statistics (of a habit or a goal) not as of `day`: the day rollover and the risk scan. */
  | { kind: 'statsNotOf'; day: LocalDate }
  /** Active or at risk: the risk detection. */
  | { kind: 'live' }
  /**
   * Live, created at least two days before `day`, neither logged nor nudged on `day`: the
   * nudges (the rule itself is the domain's `isNudgeDue`).
   */
  | { kind: 'nudgeCandidate'; day: LocalDate; createdOnOrBefore: LocalDate };

export interface UserScan {
  /** Only active accounts (the jobs); the verifier's rebuild takes every user. */
  activeOnly: boolean;
  group?: Pick<UserGroup, 'timezone' | 'dayStartHour'> & { nudgeHour?: number };
  habits?: HabitCondition;
}

const ZERO_ID = '00000000-0000-0000-0000-000000000000';

/** The condition on a habit `h`, with its parameters. */
function habitCondition(condition: HabitCondition): [string, Record<string, unknown>] {
  switch (condition.kind) {
    case 'statsNotOf':
      return ['h.stats_as_of IS DISTINCT FROM :scanDay', { scanDay: condition.day }];
    case 'live':
      return [`h.status IN ('active', 'at_risk')`, {}];
    case 'nudgeCandidate':
      return [
        `h.status IN ('active', 'at_risk') AND h.created_on <= :scanCreatedBy
         AND NOT EXISTS (SELECT 1 FROM habit_logs l WHERE l.habit_id = h.id AND l.log_date = :scanDay)
         AND NOT EXISTS (SELECT 1 FROM nudges n WHERE n.habit_id = h.id AND n.local_date = :scanDay)`,
        { scanDay: condition.day, scanCreatedBy: condition.createdOnOrBefore },
      ];
  }
}

/**
 * The scan of users in bounded batches that the scheduled jobs (day rollover, risk detection,
 * nudges) and the statistics rebuild share: keyset on the user id, so a batch costs the same
 * however far the scan has gone and a user changed by the scan is never met twice.
 */
@Injectable()
export class UserScanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The (time zone, day start, nudge hour) groups of active users (`activeOnly` false: of every
   * user): each group has one today.
   */
  async groups(activeOnly = true): Promise<UserGroup[]> {
    const rows: { timezone: string; day_start_hour: number; nudge_hour: number }[] =
      await this.dataSource.query(
        `SELECT DISTINCT timezone, day_start_hour, nudge_hour FROM users${activeOnly ? ' WHERE is_active' : ''}`,
      );
    return rows.map((r) => ({
      timezone: r.timezone,
      dayStartHour: r.day_start_hour,
      nudgeHour: r.nudge_hour,
    }));
  }

  /** The next `limit` users of the scan after `afterId` (start with `scanStart`), in id order. */
  nextBatch(scan: UserScan, afterId: string, limit: number): Promise<UserEntity[]> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id > :afterId', { afterId })
      .orderBy('u.id', 'ASC')
      .limit(limit);
    if (scan.activeOnly) query.andWhere('u.isActive = true');
    if (scan.group) {
      query
        .andWhere('u.timezone = :timezone', { timezone: scan.group.timezone })
        .andWhere('u.dayStartHour = :dayStartHour', { dayStartHour: scan.group.dayStartHour });
      if (scan.group.nudgeHour !== undefined)
        query.andWhere('u.nudgeHour = :nudgeHour', { nudgeHour: scan.group.nudgeHour });
    }
    if (scan.habits) {
      const [sql, parameters] = habitCondition(scan.habits);
      query.andWhere(
        `EXISTS (SELECT 1 FROM habits h WHERE h.user_id = u.id AND ${sql})`,
        parameters,
      );
    }
    return query.getMany();
  }

  /** The user's habits that meet the condition, in id order (inside the caller's transaction). */
  matchingHabits(
    manager: EntityManager,
    userId: string,
    condition: HabitCondition,
  ): Promise<HabitEntity[]> {
    const [sql, parameters] = habitCondition(condition);
    return manager
      .getRepository(HabitEntity)
      .createQueryBuilder('h')
      .where('h.user_id = :userId', { userId })
      .andWhere(sql, parameters)
      .orderBy('h.id', 'ASC')
      .getMany();
  }
}

/** Where every scan starts. */
export const scanStart = ZERO_ID;

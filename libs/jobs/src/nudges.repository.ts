import type { LocalDate } from '@app/contracts';
import { queryRows } from '@app/database';
import type { UserGroup } from '@app/habits';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface DigestRecipient {
  id: string;
  email: string;
  /** The names of the habits nudged on the day, in order. */
  names: string[];
}

/** The queries on `nudges` and `email_digests` (at most one of each per habit or user and day). */
@Injectable()
export class NudgesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the day's nudge of each habit not nudged yet; returns the habits it recorded. */
  async insertNudges(
    manager: EntityManager,
    habitIds: string[],
    day: LocalDate,
  ): Promise<string[]> {
    const rows = await queryRows<{ habit_id: string }>(
      manager,
      `INSERT INTO nudges (habit_id, local_date) SELECT unnest($1::uuid[]), $2
       ON CONFLICT DO NOTHING RETURNING habit_id`,
      [habitIds, day],
    );
    return rows.map((r) => r.habit_id);
  }

  /** The group's opted-in, verified users nudged on `day` who have no digest for it yet. */
  digestRecipients(group: UserGroup, day: LocalDate): Promise<DigestRecipient[]> {
    return this.dataSource.query(
      `SELECT u.id, u.email, array_agg(h.name ORDER BY h.name) AS names
       FROM users u JOIN habits h ON h.user_id = u.id JOIN nudges n ON n.habit_id = h.id AND n.local_date = $4
       WHERE u.is_active AND u.email_nudges AND u.email_verified_at IS NOT NULL
         AND u.timezone = $1 AND u.day_start_hour = $2 AND u.nudge_hour = $3
         AND NOT EXISTS (SELECT 1 FROM email_digests d WHERE d.user_id = u.id AND d.local_date = $4)
       GROUP BY u.id, u.email`,
      [group.timezone, group.dayStartHour, group.nudgeHour, day],
    );
  }

  /** Claims the user's digest of the day; false when another worker (or run) has it. */
  async claimDigest(userId: string, day: LocalDate): Promise<boolean> {
    const rows = await queryRows<{ user_id: string }>(
      this.dataSource.manager,
      `INSERT INTO email_digests (user_id, local_date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, day],
    );
    return rows.length > 0;
  }

  /** Gives the claim back, so the next run tries again. */
  async releaseDigest(userId: string, day: LocalDate): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM email_digests WHERE user_id = $1 AND local_date = $2',
      [userId, day],
    );
  }
}

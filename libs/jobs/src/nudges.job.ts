import { Clock, SignedTokens } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { HabitEntity, queryRows, UserEntity } from '@app/database';
import { addDays, isNudgeDue, userDayOf, wallClockOf } from '@app/domain';
import { UnitOfWork } from '@app/events';
import { HabitsRepository, toHabitHistory } from '@app/habits';
import { MailerService } from '@app/mail';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { JobHandler, JobReport } from './job-handler';

export const NUDGE_BATCH = 200;
const ZERO_ID = '00000000-0000-0000-0000-000000000000';

interface Group {
  timezone: string;
  day_start_hour: number;
  nudge_hour: number;
}

/** Hours since the user's day started: 0 at day start, 23 just before the next. */
const hourOfDay = (wallHour: number, dayStartHour: number) => (wallHour - dayStartHour + 24) % 24;

/**
 * Hourly (SPEC.md §3 "Nudges"): in the first run at or after a user's nudge hour, records a
 * `nudge` event for each habit the rule picks — at most one per habit per local day, kept by
 * the `nudges` table — and sends one digest e-mail per opted-in, verified user per day
 * (`email_digests`), with a one-click unsubscribe link.
 */
@Injectable()
export class NudgesJob implements JobHandler<'nudges'> {
  readonly name = 'nudges' as const;
  private readonly logger = new Logger('Nudges');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly mailer: MailerService,
    private readonly tokens: SignedTokens,
  ) {}

  async run(): Promise<JobReport> {
    const now = this.clock.now();
    const groups: Group[] = await this.dataSource.query(
      'SELECT DISTINCT timezone, day_start_hour, nudge_hour FROM users WHERE is_active',
    );
    let nudged = 0;
    let emails = 0;
    for (const group of groups) {
      const wallHour = wallClockOf(now, group.timezone).hour;
      if (
        hourOfDay(wallHour, group.day_start_hour) <
        hourOfDay(group.nudge_hour, group.day_start_hour)
      )
        continue;
      const today = userDayOf(now, group.timezone, group.day_start_hour);
      nudged += await this.nudgeGroup(group, today);
      if (this.mailer.enabled) emails += await this.sendDigests(group, today);
    }
    return { nudged, emails };
  }

  private async nudgeGroup(group: Group, today: string): Promise<number> {
    let nudged = 0;
    for (let after = ZERO_ID; ;) {
      const candidates: { id: string; user_id: string }[] = await this.dataSource.query(
        `SELECT h.id, h.user_id FROM habits h JOIN users u ON u.id = h.user_id
         WHERE u.is_active AND u.timezone = $1 AND u.day_start_hour = $2 AND u.nudge_hour = $3
           AND h.status IN ('active', 'at_risk') AND h.created_on <= $4 AND h.id > $5
           AND NOT EXISTS (SELECT 1 FROM habit_logs l WHERE l.habit_id = h.id AND l.log_date = $6)
           AND NOT EXISTS (SELECT 1 FROM nudges n WHERE n.habit_id = h.id AND n.local_date = $6)
         ORDER BY h.id LIMIT $7`,
        [
          group.timezone,
          group.day_start_hour,
          group.nudge_hour,
          addDays(today, -2),
          after,
          today,
          NUDGE_BATCH,
        ],
      );
      if (candidates.length === 0) return nudged;
      after = candidates[candidates.length - 1].id;
      const byUser = new Map<string, string[]>();
      for (const c of candidates) byUser.set(c.user_id, [...(byUser.get(c.user_id) ?? []), c.id]);
      const users = await this.dataSource
        .getRepository(UserEntity)
        .find({ where: { id: In([...byUser.keys()]) } });
      for (const user of users) nudged += await this.nudgeUser(user, today, byUser.get(user.id)!);
    }
  }

  private nudgeUser(user: UserEntity, today: string, habitIds: string[]): Promise<number> {
    return this.uow.run(user, async (manager, ctx) => {
      if (ctx.today !== today) return 0; // the user's day moved on since the scan
      const habits = await manager
        .getRepository(HabitEntity)
        .find({ where: { id: In(habitIds), userId: user.id } });
      const records = await this.habits.recordsOf(
        manager,
        habits.map((h) => h.id),
        today,
      );
      const due = habits.filter((h) => isNudgeDue(toHabitHistory(h, records.get(h.id)!), today));
      if (due.length === 0) return 0;
      const inserted = await queryRows<{ habit_id: string }>(
        manager,
        `INSERT INTO nudges (habit_id, local_date) SELECT unnest($1::uuid[]), $2
         ON CONFLICT DO NOTHING RETURNING habit_id`,
        [due.map((h) => h.id), today],
      );
      const names = new Map(due.map((h) => [h.id, h.name]));
      for (const { habit_id } of inserted) {
        ctx.events.record(user.id, 'nudge', {
          habitId: habit_id,
          name: names.get(habit_id)!,
          localDate: today,
        });
      }
      return inserted.length;
    });
  }

  private async sendDigests(group: Group, today: string): Promise<number> {
    const recipients: { id: string; email: string; names: string[] }[] =
      await this.dataSource.query(
        `SELECT u.id, u.email, array_agg(h.name ORDER BY h.name) AS names
       FROM users u JOIN habits h ON h.user_id = u.id JOIN nudges n ON n.habit_id = h.id AND n.local_date = $4
       WHERE u.is_active AND u.email_nudges AND u.email_verified_at IS NOT NULL
         AND u.timezone = $1 AND u.day_start_hour = $2 AND u.nudge_hour = $3
         AND NOT EXISTS (SELECT 1 FROM email_digests d WHERE d.user_id = u.id AND d.local_date = $4)
       GROUP BY u.id, u.email`,
        [group.timezone, group.day_start_hour, group.nudge_hour, today],
      );
    let sent = 0;
    for (const r of recipients) {
      // Claim the day's digest first: a second worker (or run) finds it taken.
      const claimed: { user_id: string }[] = await this.dataSource.query(
        `INSERT INTO email_digests (user_id, local_date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
        [r.id, today],
      );
      if (claimed.length === 0) continue;
      try {
        await this.mailer.send(this.digest(r.id, r.email, r.names));
        sent++;
      } catch (error) {
        // Release the claim so the next hourly run tries again.
        await this.dataSource.query(
          'DELETE FROM email_digests WHERE user_id = $1 AND local_date = $2',
          [r.id, today],
        );
        this.logger.warn(`digest to user ${r.id} failed: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  private digest(userId: string, email: string, names: string[]) {
    const token = this.tokens.sign('unsubscribe', userId, null);
    const page = `${this.config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
    const oneClick = `${this.config.publicUrl}/api/unsubscribe?token=${encodeURIComponent(token)}`;
    const list = names.map((n) => `• ${n}`).join('\n');
    return {
      to: email,
      subject:
        names.length === 1
          ? `Still time today: ${names[0]}`
          : `Still time today: ${names.length} habits`,
      text: `These habits are due today and were missed the last two times:\n\n${list}\n\nStop these e-mails: ${page}\n`,
      headers: {
        'List-Unsubscribe': `<${oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }
}

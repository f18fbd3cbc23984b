import { Clock, SignedTokens } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { UserEntity } from '@app/database';
import { addDays, isNudgeDue, userDayOf, wallClockOf } from '@app/domain';
import {
  HabitCondition,
  HabitsRepository,
  scanStart,
  toHabitHistory,
  UserGroup,
  UserScanRepository,
} from '@app/habits';
import { MailerService } from '@app/mail';
import { UnitOfWork } from '@app/unit-of-work';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobReport } from './job-handler';
import { NudgesRepository } from './nudges.repository';

export const NUDGE_BATCH = 100;

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
    private readonly scan: UserScanRepository,
    private readonly nudges: NudgesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly mailer: MailerService,
    private readonly tokens: SignedTokens,
  ) {}

  async run(): Promise<JobReport> {
    const now = this.clock.now();
    const groups = await this.scan.groups();
    let nudged = 0;
    let emails = 0;
    for (const group of groups) {
      const wallHour = wallClockOf(now, group.timezone).hour;
      if (hourOfDay(wallHour, group.dayStartHour) < hourOfDay(group.nudgeHour, group.dayStartHour))
        continue;
      const today = userDayOf(now, group.timezone, group.dayStartHour);
      nudged += await this.nudgeGroup(group, today);
      if (this.mailer.enabled) emails += await this.sendDigests(group, today);
    }
    return { nudged, emails };
  }

  private async nudgeGroup(group: UserGroup, today: string): Promise<number> {
    const candidates: HabitCondition = {
      kind: 'nudgeCandidate',
      day: today,
      createdOnOrBefore: addDays(today, -2),
    };
    const scan = { activeOnly: true, group, habits: candidates };
    let nudged = 0;
    for (let after = scanStart; ;) {
      const users = await this.scan.nextBatch(scan, after, NUDGE_BATCH);
      if (users.length === 0) return nudged;
      after = users[users.length - 1].id;
      for (const user of users) nudged += await this.nudgeUser(user, today, candidates);
    }
  }

  private nudgeUser(user: UserEntity, today: string, candidates: HabitCondition): Promise<number> {
    return this.uow.run(user, async (manager, ctx) => {
      if (ctx.today !== today) return 0; // the user's day moved on since the scan
      const habits = await this.scan.matchingHabits(manager, user.id, candidates);
      const records = await this.habits.recordsOf(
        manager,
        habits.map((h) => h.id),
        today,
      );
      const due = habits.filter((h) => isNudgeDue(toHabitHistory(h, records.get(h.id)!), today));
      if (due.length === 0) return 0;
      const inserted = await this.nudges.insertNudges(
        manager,
        due.map((h) => h.id),
        today,
      );
      const names = new Map(due.map((h) => [h.id, h.name]));
      for (const habitId of inserted) {
        ctx.events.record(user.id, 'nudge', {
          habitId,
          name: names.get(habitId)!,
          localDate: today,
        });
      }
      return inserted.length;
    });
  }

  private async sendDigests(group: UserGroup, today: string): Promise<number> {
    let sent = 0;
    for (const r of await this.nudges.digestRecipients(group, today)) {
      // Claim the day's digest first: a second worker (or run) finds it taken.
      if (!(await this.nudges.claimDigest(r.id, today))) continue;
      try {
        await this.mailer.send(this.digest(r.id, r.email, r.names));
        sent++;
      } catch (error) {
        // Release the claim so the next hourly run tries again.
        await this.nudges.releaseDigest(r.id, today);
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

import { AccessTokens, isAdmin, UsersRepository } from '@app/auth';
import { AppError, AuthUser, SignedTokens } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobRunsRepository, QueueMonitor } from '@app/jobs';
import { OutboxMetrics } from '@app/realtime';
import { Inject, Injectable } from '@nestjs/common';
import {
  JobRunDto,
  ListJobRunsQueryDto,
  OperationsStatusDto,
  toJobRunDto,
  toOutboxStatusDto,
} from './admin.dto';

/** How long the queue dashboard's cookie lets an admin in (the web app renews it per visit). */
export const QUEUE_DASHBOARD_TTL_SECONDS = 30 * 60;

/** Not an admin: the same 404 as any object the caller may not see (SPEC.md §4). */
function notFound(): AppError {
  return AppError.notFound('NOT_FOUND', 'Not found.');
}

/** The operations views (SPEC.md §6), for admins only. */
@Injectable()
export class AdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobRuns: JobRunsRepository,
    private readonly queue: QueueMonitor,
    private readonly outbox: OutboxMetrics,
    private readonly tokens: SignedTokens,
    private readonly accessTokens: AccessTokens,
    private readonly users: UsersRepository,
  ) {}

  async listJobRuns(user: AuthUser, query: ListJobRunsQueryDto): Promise<JobRunDto[]> {
    this.requireAdmin(user);
    return (await this.jobRuns.recent(query.limit ?? 50)).map(toJobRunDto);
  }

  async status(user: AuthUser): Promise<OperationsStatusDto> {
    this.requireAdmin(user);
    const [queue, backlog] = await Promise.all([
      this.queue.counts().catch(() => null),
      this.outbox.backlog(),
    ]);
    return {
      mode: this.config.mode,
      queue,
      outbox: toOutboxStatusDto(backlog, Date.now()),
      queueDashboard: this.queue.queue !== null,
    };
  }

  /**
   * A short-lived cookie value that lets this admin's browser open Bull Board at
   * `/admin/queues` (a page the app cannot send a bearer token to), bound to the session of the
   * access token used, so signing out ends it too.
   */
  queueDashboardPass(user: AuthUser, authorization: string | undefined): string {
    this.requireAdmin(user);
    if (this.queue.queue === null) throw notFound();
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const { sessionId } = this.accessTokens.verify(token);
    return this.tokens.sign('queue_dashboard', user.id, QUEUE_DASHBOARD_TTL_SECONDS, sessionId);
  }

  /** Whether a queue dashboard cookie (or a bearer access token) belongs to an admin now. */
  async admitsToQueueDashboard(
    cookie: string | undefined,
    authorization: string | undefined,
  ): Promise<boolean> {
    let claims: { userId: string; sessionId: string } | null = null;
    const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (bearer) {
      try {
        claims = this.accessTokens.verify(bearer);
      } catch {
        return false;
      }
    } else if (cookie) {
      const pass = this.tokens.verify('queue_dashboard', cookie);
      if (pass?.extra) claims = { userId: pass.subject, sessionId: pass.extra };
    }
    if (!claims) return false;
    const found = await this.users.findForAccessToken(claims.userId, claims.sessionId);
    return (
      !!found &&
      found.user.isActive &&
      !found.sessionEnded &&
      isAdmin(found.user, this.config.adminEmails)
    );
  }

  private requireAdmin(user: AuthUser): void {
    if (!isAdmin(user, this.config.adminEmails)) throw notFound();
  }
}

import { Clock, withLogContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Metrics } from '@app/metrics';
import { UnitOfWork } from '@app/unit-of-work';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventBus } from './event-bus';
import { EventPublisher } from './event-publisher';
import { OutboxEvent, OutboxRepository } from './outbox.repository';

/** How often the sweep looks for events nobody delivered (crashes, other processes' commits). */
export const OUTBOX_SWEEP_INTERVAL_MS = 1_000;
/** Users handled per sweep; the rest wait for the next one. */
const SWEEP_USERS = 100;
/** Events of one user emitted per relay transaction. */
const BATCH_SIZE = 200;
/** A user whose outbox another relay holds is tried again this much later. */
const BUSY_RETRY_MS = 200;
/** How often the sweep deletes delivered events older than EVENT_RETENTION_DAYS. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const RETENTION_BATCH = 5_000;

type Outcome = 'done' | 'more' | 'busy';

/**
 * The outbox relay (transactional outbox, at least once, in `seq` order per user).
 *
 * Woken for a user by this process's commits (`UnitOfWork.onEventsCommitted`), by other
 * processes' commits over the event bus when those do not deliver themselves, and by a sweep
 * every second that finds anything left undelivered (a crash between commit and delivery, a
 * relay that failed). For each user, one short transaction: take the user's advisory lock
 * (try-lock: a relay elsewhere holding it delivers, and this one retries shortly), read the
 * undelivered events in `seq` order, emit them through the EventPublisher, mark them delivered,
 * commit. Sequence numbers are reserved under the user's row lock in the writing transaction,
 * so a later `seq` is never visible before an earlier one; with the lock, no two relays
 * interleave a user's events. A crash after emitting and before the commit emits them again
 * after the restart (at least once; clients drop a `seq` they already have); what committed as
 * delivered is never sent again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  /** Tells this process's own bus messages from other processes'. */
  private readonly origin = randomUUID();
  private readonly queue = new Set<string>();
  private draining: Promise<void> | null = null;
  private sweeping: Promise<void> | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private nextRetentionAt = 0;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxRepository,
    private readonly publisher: EventPublisher,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.unitOfWork.onEventsCommitted((userIds) => this.committed(userIds));
    if (!this.config.outboxRelay) {
      this.logger.log(
        'OUTBOX_RELAY=off: this process records events and leaves delivery to others',
      );
      return;
    }
    this.bus.subscribe('outbox.pending', (message) => {
      if (message.origin !== this.origin) this.wake(message.userIds);
    });
    this.sweepTimer = setInterval(() => void this.sweep(), OUTBOX_SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    void this.sweep();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await Promise.all([this.draining, this.sweeping]);
  }

  /**
   * Deletes delivered events older than EVENT_RETENTION_DAYS (by the injected clock); the
   * sweep calls it hourly. Undelivered events are kept until delivered.
   */
  async deleteExpiredEvents(): Promise<number> {
    const cutoff = new Date(
      this.clock.now().getTime() - this.config.eventRetentionDays * 86_400_000,
    );
    let deleted = 0;
    for (;;) {
      const n = await this.outbox.deleteDeliveredBefore(cutoff, RETENTION_BATCH);
      deleted += n;
      if (n < RETENTION_BATCH) return deleted;
    }
  }

  /** Delivers what is pending for these users now (also what the sweep does for all users). */
  wake(userIds: readonly string[]): void {
    if (this.stopped || !this.config.outboxRelay) return;
    for (const userId of userIds) this.queue.add(userId);
    this.kick();
  }

  private committed(userIds: string[]): void {
    if (this.stopped) return;
    if (this.config.outboxRelay) return this.wake(userIds);
    // This process does not deliver: wake the relays of the others (scaled mode).
    this.bus.publish('outbox.pending', { userIds, origin: this.origin }).catch((error: Error) => {
      this.logger.warn(
        `could not announce new events (the sweep will find them): ${error.message}`,
      );
    });
  }

  private kick(): void {
    if (this.draining || this.stopped) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.queue.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.queue.size > 0) {
      const [userId] = this.queue;
      this.queue.delete(userId);
      try {
        const outcome = await this.deliver(userId);
        if (outcome === 'more') this.queue.add(userId);
        if (outcome === 'busy') this.retryLater(userId);
      } catch (error) {
        this.logger.warn(
          `delivering the events of user ${userId} failed; the sweep retries: ${(error as Error).message}`,
        );
      }
    }
  }

  /** One user's undelivered events, in `seq` order, in one short transaction. */
  private deliver(userId: string): Promise<Outcome> {
    return this.outbox.transaction(async (manager): Promise<Outcome> => {
      if (!(await this.outbox.tryLockUser(manager, userId))) return 'busy';
      const pending = await this.outbox.undelivered(manager, userId, BATCH_SIZE);
      if (pending.length === 0) return 'done';
      await this.publisher.publish(
        userId,
        pending.map((p) => p.event),
      );
      await this.outbox.markDelivered(
        manager,
        pending.map((p) => p.id),
        this.clock.now(),
      );
      this.observeDelivered(userId, pending);
      return pending.length === BATCH_SIZE ? 'more' : 'done';
    });
  }

  /** The delivery lag of each event, and a debug line per request that recorded some. */
  private observeDelivered(userId: string, delivered: readonly OutboxEvent[]): void {
    const now = Date.now();
    const byRequest = new Map<string | null, string[]>();
    for (const e of delivered) {
      this.metrics.outboxDeliveryLag.observe(Math.max(0, now - e.createdAt.getTime()) / 1000);
      byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e.event.type]);
    }
    for (const [requestId, types] of byRequest) {
      withLogContext({ reqId: requestId ?? undefined }, () =>
        this.logger.debug(`delivered ${types.join(', ')} to user ${userId}`),
      );
    }
  }

  private retryLater(userId: string): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.wake([userId]);
    }, BUSY_RETRY_MS);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping ?? Promise.resolve();
    this.sweeping = (async () => {
      try {
        this.wake(await this.outbox.usersWithUndelivered(SWEEP_USERS));
        if (Date.now() >= this.nextRetentionAt) {
          this.nextRetentionAt = Date.now() + RETENTION_INTERVAL_MS;
          const deleted = await this.deleteExpiredEvents();
          if (deleted > 0) this.logger.log(`deleted ${deleted} delivered events past retention`);
        }
      } catch (error) {
        this.logger.warn(`outbox sweep failed: ${(error as Error).message}`);
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }
}

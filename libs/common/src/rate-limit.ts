import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import { AppError } from './app-error';
import { Clock } from './clock';
import { REDIS_CLIENT } from './redis.module';

export const RATE_LIMIT = 'rateLimit';

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Also key by the e-mail in the body (login, reset requests), not only by the client address. */
  perEmail?: boolean;
  /**
   * Count only the requests that fail (4xx): a successful sign-in is given back, so only bad
   * attempts use up the allowance.
   */
  failuresOnly?: boolean;
}

/** Limits how often one client may call a route (sign-in, sign-up, reset links): 429 beyond. */
export const RateLimit = (rule: RateLimitRule): MethodDecorator => SetMetadata(RATE_LIMIT, rule);

/** A counted window: how many requests it holds so far and when it ends. */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/** What a caller learns from counting one request. */
export interface Counted {
  count: number;
  /** Seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Fixed windows in this process: bounded memory (expired windows are pruned). */
class MemoryWindows {
  private readonly windows = new Map<string, WindowCount>();

  increment(key: string, windowMs: number, now: number): WindowCount {
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      const fresh = { count: 1, resetAt: now + windowMs };
      this.windows.set(key, fresh);
      return fresh;
    }
    window.count++;
    return window;
  }

  decrement(key: string, now: number): void {
    const window = this.windows.get(key);
    if (window && window.resetAt > now && window.count > 0) window.count--;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

const REDIS_PREFIX = 'habit-tracker:rate:';

/**
 * Counts requests per key in fixed windows: in Redis when it is configured (one count shared by
 * every API process), else in this process. While Redis is unreachable it counts in this process
 * rather than failing or letting everyone through. The key is whatever the caller limits by — a
 * client address and e-mail for sign-in, a token id for per-token limits.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly memory = new MemoryWindows();
  private warnedAt = 0;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly clock: Clock,
  ) {}

  async increment(key: string, windowSeconds: number): Promise<Counted> {
    const now = this.clock.now().getTime();
    const counted = ({ count, resetAt }: WindowCount): Counted => ({
      count,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    });
    if (this.redis?.status === 'ready') {
      try {
        // One round trip: start the window if there is none, count, read its remaining time.
        const results = await this.redis
          .multi()
          .set(REDIS_PREFIX + key, '0', 'PX', windowSeconds * 1000, 'NX')
          .incr(REDIS_PREFIX + key)
          .pttl(REDIS_PREFIX + key)
          .exec();
        const count = Number(results?.[1]?.[1]);
        const ttl = Number(results?.[2]?.[1]);
        if (Number.isFinite(count) && count > 0)
          return counted({ count, resetAt: now + (ttl > 0 ? ttl : windowSeconds * 1000) });
      } catch (error) {
        this.warn(error as Error);
      }
    }
    return counted(this.memory.increment(key, windowSeconds * 1000, now));
  }

  /** Gives one request back (a successful sign-in does not count). */
  async decrement(key: string): Promise<void> {
    this.memory.decrement(key, this.clock.now().getTime());
    if (this.redis?.status !== 'ready') return;
    try {
      // Only while the window lives: never leave a key without its expiry.
      await this.redis.eval(
        `if redis.call('pttl', KEYS[1]) > 0 then return redis.call('decr', KEYS[1]) end return 0`,
        1,
        REDIS_PREFIX + key,
      );
    } catch (error) {
      this.warn(error as Error);
    }
  }

  private warn(error: Error): void {
    if (Date.now() - this.warnedAt < 10_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(`Redis unavailable, counting in this process: ${error.message}`);
  }
}

/**
 * Applies `@RateLimit` rules, keyed by route, client address (as TRUST_PROXY allows Express to
 * read it) and, for sign-in and reset requests, the e-mail.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const email =
      rule.perEmail && typeof request.body?.email === 'string'
        ? request.body.email.trim().toLowerCase()
        : '';
    const key = `${request.method} ${request.route?.path ?? request.path} ${request.ip ?? '-'} ${email}`;
    const { count, retryAfterSeconds: retryAfter } = await this.limiter.increment(
      key,
      rule.windowSeconds,
    );
    if (count > rule.limit) {
      response.setHeader('Retry-After', String(retryAfter));
      throw new AppError(
        429,
        'RATE_LIMITED',
        `Too many attempts; try again in ${retryAfter} seconds.`,
      );
    }
    if (rule.failuresOnly) {
      // Counted before the attempt (so parallel attempts cannot all slip in), given back after
      // a success.
      response.once('finish', () => {
        if (response.statusCode < 400) void this.limiter.decrement(key);
      });
    }
    return true;
  }
}

import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { Clock } from './clock';

export const RATE_LIMIT = 'rateLimit';

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Also key by the e-mail in the body (login, reset requests), not only by the client address. */
  perEmail?: boolean;
}

/** Limits how often one client may call a route (sign-in, sign-up, reset links): 429 beyond. */
export const RateLimit = (rule: RateLimitRule): MethodDecorator => SetMetadata(RATE_LIMIT, rule);

/**
 * Fixed windows counted in this process (an attacker spread over N API processes gets N times
 * the limit — still a small number; the memory is bounded by pruning expired windows).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const email =
      rule.perEmail && typeof request.body?.email === 'string'
        ? request.body.email.trim().toLowerCase()
        : '';
    const key = `${request.method} ${request.route?.path ?? request.path} ${request.ip ?? '-'} ${email}`;
    const now = this.clock.now().getTime();
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + rule.windowSeconds * 1000 });
      return true;
    }
    window.count++;
    if (window.count <= rule.limit) return true;
    const retryAfter = Math.ceil((window.resetAt - now) / 1000);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppError(
      429,
      'RATE_LIMITED',
      `Too many attempts; try again in ${retryAfter} seconds.`,
    );
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

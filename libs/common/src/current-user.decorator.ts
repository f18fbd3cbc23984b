import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * The signed-in user as controllers and services see it: the account's profile and settings,
 * never its secrets (the password hash) or bookkeeping (the event sequence). Loaded with one
 * primary-key lookup by the global access-token guard.
 */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string | null;
  isActive: boolean;
  /** IANA zone of the user's days. */
  timezone: string;
  dayStartHour: number;
  nudgeHour: number;
  emailNudges: boolean;
  emailVerifiedAt: Date | null;
  /** Stored admin flag (the first user); ADMIN_EMAILS is added at each check (`isAdmin`). */
  isAdmin: boolean;
  createdAt: Date;
}

/** Injects the signed-in user into a controller method. Only on routes behind the guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new Error('CurrentUser used on a route without an authenticated user');
    return user;
  },
);

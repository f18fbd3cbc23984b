import { AppError, AuthUser, IS_PUBLIC } from '@app/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokens } from './access-tokens';
import { UsersRepository } from './users.repository';

/**
 * The one global guard: every HTTP route needs a valid Bearer access token unless marked
 * `@Public()`. It loads the user with one primary-key lookup that also tells whether the token's
 * session has ended, so a deleted or deactivated account's tokens, and those of a session ended
 * by logout, logout-all, a password change or reset, stop working at once, on every instance.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokens,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket.IO connections authenticate their handshake in the gateway instead.
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw AppError.unauthorized('UNAUTHORIZED', 'A Bearer access token is required.');
    const { userId, sessionId } = this.accessTokens.verify(token);
    const found = await this.users.findForAccessToken(userId, sessionId);
    if (!found?.user.isActive)
      throw AppError.unauthorized('TOKEN_INVALID', 'The access token is not valid.');
    if (found.sessionEnded)
      throw AppError.unauthorized('TOKEN_REVOKED', 'The session has ended; sign in again.');
    request.user = found.user;
    return true;
  }
}

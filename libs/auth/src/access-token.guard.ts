import { AppError, AuthUser, IS_PUBLIC } from '@app/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokens } from './access-tokens';
import { UsersRepository } from './users.repository';

/**
 * The one global guard: every HTTP route needs a valid Bearer access token unless marked
 * `@Public()`. It loads the user with one primary-key lookup, so a deleted or deactivated
 * account's tokens stop working at once.
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
    const user = await this.users.findById(this.accessTokens.verify(token));
    if (!user?.isActive)
      throw AppError.unauthorized('TOKEN_INVALID', 'The access token is not valid.');
    request.user = user;
    return true;
  }
}

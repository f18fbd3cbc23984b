import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserEntity } from '@app/database';

/** The signed-in user, loaded (one primary-key lookup) by the global access-token guard. */
export type AuthUser = UserEntity;

/** Injects the signed-in user into a controller method. Only on routes behind the guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new Error('CurrentUser used on a route without an authenticated user');
    return user;
  },
);

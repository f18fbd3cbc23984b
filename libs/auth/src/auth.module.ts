import { RateLimiter, RateLimitGuard, SignedTokens } from '@app/common';
import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokens } from './access-tokens';
import { AuthService } from './auth.service';
import { EmailLinksService } from './email-links.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts and sessions (their HTTP edge is apps/api/src/auth), and the global access-token guard every other route sits behind. */
@Module({
  imports: [HabitsModule],
  providers: [
    AuthService,
    EmailLinksService,
    SignedTokens,
    UsersService,
    UsersRepository,
    RefreshTokensRepository,
    PasswordResetTokensRepository,
    PasswordHasher,
    AccessTokens,
    RateLimiter,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessTokenGuard },
  ],
  // The Socket.IO gateway authenticates its handshakes with the same tokens and user lookup.
  exports: [
    AccessTokens,
    UsersRepository,
    RateLimiter,
    AuthService,
    UsersService,
    EmailLinksService,
  ],
})
export class AuthModule {}

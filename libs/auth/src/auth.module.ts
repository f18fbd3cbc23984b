import { RateLimiter, RateLimitGuard, SignedTokens } from '@app/common';
import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailLinksController } from './email-links.controller';
import { EmailLinksService } from './email-links.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts and sessions, and the global access-token guard every other route sits behind. */
@Module({
  imports: [HabitsModule],
  controllers: [AuthController, UsersController, EmailLinksController],
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
  exports: [AccessTokens, UsersRepository, RateLimiter],
})
export class AuthModule {}

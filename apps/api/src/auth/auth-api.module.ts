import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { EmailLinksController } from './email-links.controller';
import { UsersController } from './users.controller';

/** The HTTP edge of accounts, sessions and e-mailed links over the auth feature module. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController, UsersController, EmailLinksController],
})
export class AuthApiModule {}

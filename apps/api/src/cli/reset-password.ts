/**
 * `npm run user:reset-password -- <email>`: prints a single-use password reset link (valid 30
 * minutes) for operators without SMTP. Uses the configured database (standalone: stop the app
 * first — it holds DATA_DIR).
 */
import { AuthModule, EmailLinksService, UsersRepository } from '@app/auth';
import { ClockModule, logLevels } from '@app/common';
import { ConfigModule, loadConfig, withJwtSecret } from '@app/config';
import { DatabaseModule } from '@app/database';
import { UnitOfWorkModule } from '@app/unit-of-work';
import { MailModule } from '@app/mail';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

async function main(email: string | undefined): Promise<number> {
  if (!email) {
    console.error('usage: npm run user:reset-password -- <email>');
    return 2;
  }
  const config = withJwtSecret(loadConfig());
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule.forRoot(),
      DatabaseModule.forRoot(),
      UnitOfWorkModule,
      MailModule,
      AuthModule,
    ],
  })
  class ResetPasswordCliModule {}
  const app = await NestFactory.createApplicationContext(ResetPasswordCliModule, {
    logger: logLevels('warn'),
    abortOnError: false,
  });
  try {
    const user = await app.get(UsersRepository).findByEmail(email.trim().toLowerCase());
    if (!user) {
      console.error(`no account with the e-mail ${email}`);
      return 1;
    }
    const links = app.get(EmailLinksService);
    console.log(
      `Reset link for ${user.email} (single use, 30 minutes):\n${links.resetLink(await links.createResetToken(user))}`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

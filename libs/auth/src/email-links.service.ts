import { AppError, AuthUser, Clock, SignedTokens } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { MailerService } from '@app/mail';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';

export const VERIFICATION_TTL_SECONDS = 3 * 24 * 3600;
export const RESET_TTL_MS = 30 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The flows behind the links we e-mail: verifying an address, resetting a forgotten password
 * (single use, 30 minutes; revokes every session), and one-click unsubscribe from nudges.
 */
@Injectable()
export class EmailLinksService {
  private readonly logger = new Logger('EmailLinks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tokens: SignedTokens,
    private readonly mailer: MailerService,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async sendVerification(user: AuthUser): Promise<void> {
    if (user.emailVerifiedAt)
      throw AppError.unprocessable('EMAIL_ALREADY_VERIFIED', 'This address is already verified.');
    if (!this.mailer.enabled) {
      throw AppError.unprocessable(
        'EMAIL_NOT_CONFIGURED',
        'This server cannot send e-mail (no SMTP configured).',
      );
    }
    const token = this.tokens.sign('verify_email', user.id, VERIFICATION_TTL_SECONDS, user.email);
    await this.mailer.send({
      to: user.email,
      subject: 'Confirm your e-mail address',
      text: `Confirm this address for your habit tracker:\n\n${this.link('verify-email', token)}\n\nThe link works for 3 days.\n`,
    });
  }

  async verify(token: string): Promise<void> {
    const claims = this.tokens.verify('verify_email', token);
    const user = claims ? await this.users.findById(claims.subject) : null;
    // A link for an address the account no longer has is as invalid as a forged one.
    if (!claims || !user || !user.isActive || user.email !== claims.extra) {
      throw AppError.badRequest(
        'VERIFICATION_TOKEN_INVALID',
        'This verification link is invalid or has expired.',
      );
    }
    if (!user.emailVerifiedAt) {
      await this.users.setFields(user.id, { emailVerifiedAt: this.clock.now() });
    }
  }

  /** Always succeeds from the outside, so it never tells whether an address has an account. */
  async requestReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || !user.isActive || !this.mailer.enabled) return;
    const token = await this.createResetToken(user);
    try {
      await this.mailer.send({
        to: user.email,
        subject: 'Reset your password',
        text: `Choose a new password:\n\n${this.link('reset-password', token)}\n\nThe link works once, for 30 minutes. If you did not ask for it, ignore this e-mail.\n`,
      });
    } catch (error) {
      this.logger.warn(`reset e-mail failed: ${(error as Error).message}`);
    }
  }

  /** A single-use reset link (also what `npm run user:reset-password` prints). */
  async createResetToken(user: Pick<AuthUser, 'id'>): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.resetTokens.insert(
      user.id,
      sha256(token),
      new Date(now.getTime() + RESET_TTL_MS),
      now,
    );
    return token;
  }

  resetLink(token: string): string {
    return this.link('reset-password', token);
  }

  async reset(token: string, newPassword: string): Promise<void> {
    const hashedPassword = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    await this.resetTokens.transaction(async (manager) => {
      const userId = await this.resetTokens.use(manager, sha256(token), now);
      if (userId === null) {
        throw AppError.badRequest(
          'RESET_TOKEN_INVALID',
          'This reset link is invalid, used or expired.',
        );
      }
      await this.users.update(manager, userId, { hashedPassword, updatedAt: now });
      await this.refreshTokens.revokeAllOfUser(userId, now, manager);
    });
  }

  async unsubscribe(token: string): Promise<void> {
    const claims = this.tokens.verify('unsubscribe', token);
    if (!claims)
      throw AppError.badRequest('UNSUBSCRIBE_TOKEN_INVALID', 'This unsubscribe link is invalid.');
    await this.users.setFields(claims.subject, { emailNudges: false });
  }

  private link(page: string, token: string): string {
    return `${this.config.publicUrl}/${page}?token=${encodeURIComponent(token)}`;
  }
}

import { AppError, AuthUser, Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AccessTokens } from './access-tokens';
import { IssuedSession, LoginDto, RegisterDto } from './auth.dto';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { canonicalTimeZone } from './time-zone';
import { MeDto, toMeDto, toUserDto, UserDto } from './user.dto';
import { UsersRepository } from './users.repository';

/** Refresh tokens last 30 days from their issue; each use replaces the token (rotation). */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3_600_000;
const EMAIL_UNIQUE_INDEX = 'users_email_lower_key';

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

function invalidRefreshToken(): AppError {
  return AppError.unauthorized('REFRESH_TOKEN_INVALID', 'The refresh token is not valid.');
}

function isEmailTaken(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  // The only other unique key of users is its generated id.
  return (
    driverError.code === '23505' &&
    (driverError.constraint === undefined || driverError.constraint === EMAIL_UNIQUE_INDEX)
  );
}

/** Sign-up, sign-in and sessions (SPEC.md §4 Auth). */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  /** Creates the account (it does not sign in). With REGISTRATION=closed only the first user may. */
  async register(dto: RegisterDto): Promise<UserDto> {
    const timezone = dto.timezone === undefined ? 'UTC' : canonicalTimeZone(dto.timezone);
    const hashedPassword = await this.hasher.hash(dto.password);
    try {
      const user = await this.dataSource.transaction(async (manager) => {
        // One sign-up at a time decides "the first user" (an admin; the only one when closed).
        await this.users.lockRegistration(manager);
        const first = !(await this.users.anyExists(manager));
        if (this.config.registration === 'closed' && !first)
          throw AppError.unprocessable(
            'REGISTRATION_CLOSED',
            'Registration is closed on this server.',
          );
        return this.users.insert(manager, {
          isAdmin: first,
          email: dto.email,
          hashedPassword,
          fullName: dto.fullName ?? null,
          timezone,
          createdAt: this.clock.now(),
        });
      });
      return toUserDto(user);
    } catch (error) {
      if (isEmailTaken(error))
        throw AppError.conflict('EMAIL_TAKEN', 'An account with this e-mail already exists.');
      throw error;
    }
  }

  /**
   * Checks the password with exactly one argon2 verification whether or not the e-mail is
   * known (against a dummy hash when it is not), so neither the answer nor its timing tells.
   */
  async login(dto: LoginDto): Promise<IssuedSession> {
    const user = await this.users.findByEmail(dto.email);
    const matches = await this.hasher.verify(
      user?.hashedPassword ?? this.hasher.dummyHash,
      dto.password,
    );
    if (!user || !matches || !user.isActive)
      throw AppError.unauthorized('INVALID_CREDENTIALS', 'The e-mail or password is wrong.');
    return this.issueSession(user.id, randomUUID());
  }

  /**
   * Rotates the pair. A token that was already used means it leaked (or two clients race with
   * it): the whole session (family) is revoked.
   */
  async refresh(refreshToken: string | null): Promise<IssuedSession> {
    if (refreshToken === null)
      throw AppError.unauthorized('REFRESH_TOKEN_MISSING', 'No refresh token was sent.');
    const tokenHash = sha256(refreshToken);
    const now = this.clock.now();
    const session = await this.dataSource.transaction(async (manager) => {
      const consumed = await this.refreshTokens.consume(manager, tokenHash, now);
      if (!consumed) return null;
      const user = await this.users.findById(consumed.userId, manager);
      if (!user?.isActive) throw invalidRefreshToken();
      return this.issueSession(user.id, consumed.familyId, manager);
    });
    if (session) return session;

    const token = await this.refreshTokens.findByHash(tokenHash);
    if (token?.usedAt) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
      throw AppError.unauthorized(
        'REFRESH_TOKEN_REUSED',
        'The refresh token was already used; the session has been ended.',
      );
    }
    if (token && !token.revokedAt && token.expiresAt <= now)
      throw AppError.unauthorized('REFRESH_TOKEN_EXPIRED', 'The refresh token has expired.');
    throw invalidRefreshToken();
  }

  /** Ends the session the refresh token belongs to; an unknown token is already signed out. */
  async logout(refreshToken: string | null): Promise<void> {
    if (refreshToken === null) return;
    const token = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (token) await this.refreshTokens.revokeFamily(token.familyId, this.clock.now());
  }

  /** Ends every session of the user; their access tokens stop working on their next use. */
  async logoutAll(user: AuthUser): Promise<void> {
    await this.refreshTokens.revokeAllOfUser(user.id, this.clock.now());
  }

  me(user: AuthUser): MeDto {
    return toMeDto(user, this.clock.now(), this.config);
  }

  /** A new access token and a new refresh token in the session (family) `familyId`. */
  private async issueSession(
    userId: string,
    familyId: string,
    manager?: EntityManager,
  ): Promise<IssuedSession> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert(
      {
        userId,
        familyId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
        createdAt: now,
      },
      manager,
    );
    const access = this.accessTokens.sign(userId, familyId);
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken };
  }
}

import { AppError, AuthUser, Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { UnitOfWork } from '@app/unit-of-work';
import { HabitFreshnessService } from '@app/habits';
import { Inject, Injectable } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { canonicalTimeZone } from './time-zone';
import { DeleteMeDto, MeDto, toMeDto, UpdateMeDto } from './user.dto';
import { UserChanges, UsersRepository } from './users.repository';

function passwordIncorrect(): AppError {
  return AppError.unprocessable('PASSWORD_INCORRECT', 'The current password is wrong.');
}

/** The signed-in user's own account: profile, settings, password, deletion. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly freshness: HabitFreshnessService,
  ) {}

  /**
   * Applies the changes in one transaction. A new password needs the current one and ends every
   * session. A wrong current password is a 422 (not a 401, which would sign the client out).
   */
  async updateMe(user: AuthUser, dto: UpdateMeDto): Promise<MeDto> {
    const now = this.clock.now();
    const changes: UserChanges = {
      fullName: dto.fullName,
      timezone: dto.timezone === undefined ? undefined : canonicalTimeZone(dto.timezone),
      dayStartHour: dto.dayStartHour,
      nudgeHour: dto.nudgeHour,
      emailNudges: dto.emailNudges,
      updatedAt: now,
    };
    if (dto.newPassword !== undefined) {
      await this.checkPassword(user, dto.currentPassword ?? '');
      changes.hashedPassword = await this.hasher.hash(dto.newPassword);
    }
    const updated = await this.uow.run(user, async (manager, ctx) => {
      const saved = await this.users.update(manager, user.id, withoutUndefined(changes));
      if (changes.hashedPassword !== undefined)
        await this.refreshTokens.revokeAllOfUser(user.id, now, manager);
      // A new zone or day start moves "today": every habit is recomputed in this transaction.
      if (saved.timezone !== user.timezone || saved.dayStartHour !== user.dayStartHour) {
        await this.freshness.recomputeUserIn(manager, {
          ...ctx,
          user: saved,
          today: this.uow.todayOf(saved, ctx.now),
        });
      }
      return saved;
    });
    return toMeDto(updated, now, this.config);
  }

  /** Deletes the account and, by ON DELETE CASCADE, everything the user owns. */
  async deleteMe(user: AuthUser, dto: DeleteMeDto): Promise<void> {
    await this.checkPassword(user, dto.password);
    await this.users.delete(user.id);
  }

  private async checkPassword(user: AuthUser, password: string): Promise<void> {
    // The hash stays out of the signed-in user: read it only where a password is checked.
    const account = await this.users.findById(user.id);
    if (!account || !(await this.hasher.verify(account.hashedPassword, password)))
      throw passwordIncorrect();
  }
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

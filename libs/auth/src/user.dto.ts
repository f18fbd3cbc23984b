import type { AuthUser } from '@app/common';
import type { AppConfig } from '@app/config';
import type { UserEntity } from '@app/database';
import { nextDayStart, userDayOf } from '@app/domain';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { isAdmin } from './admin';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TrimmedOrNull } from './auth.dto';

/** Present fields must hold a value: `null` is refused rather than written to a NOT NULL column. */
const IfPresent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export class UserDto {
  id!: string;
  email!: string;
  fullName!: string | null;
  /** IANA time zone of the user's days. */
  timezone!: string;
  /** Hour (0–23, local) at which the user's day begins. */
  dayStartHour!: number;
  /** Local hour (0–23) of the daily nudge. */
  nudgeHour!: number;
  /** Opted in to nudge e-mails. */
  emailNudges!: boolean;
  emailVerified!: boolean;
  isActive!: boolean;
  /** ISO-8601 instant. */
  createdAt!: string;
}

export class MeDto extends UserDto {
  /** The user's current day, `YYYY-MM-DD`, in their zone and with their day-start hour. */
  today!: string;
  /** ISO-8601 instant at which the user's next day begins. */
  nextDayStartsAt!: string;
  /** Whether this server sends e-mail (SMTP configured): verification, resets, nudge digests. */
  emailDelivery!: boolean;
  /** An admin (the first user, or on the server's ADMIN_EMAILS): sees the operations pages. */
  isAdmin!: boolean;
}

export class UpdateMeDto {
  /** `null` or a blank string clears it. */
  @TrimmedOrNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  fullName?: string | null;

  /** IANA time zone, validated by `Intl.DateTimeFormat` (`UTC` is accepted). */
  @IfPresent()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(23)
  dayStartHour?: number;

  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(23)
  nudgeHour?: number;

  @IfPresent()
  @IsBoolean()
  emailNudges?: boolean;

  /** Required with `newPassword`. */
  @ValidateIf(
    (dto: UpdateMeDto) => dto.newPassword !== undefined || dto.currentPassword !== undefined,
  )
  @IsDefined({ message: 'currentPassword is required to set a new password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword?: string;

  /** 8–128 characters; signs out every session (all refresh tokens are revoked). */
  @IfPresent()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword?: string;
}

export class DeleteMeDto {
  /** The current password, to confirm. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** The account as the signed-in user (no password hash, no event sequence). */
export function toAuthUser(user: UserEntity): AuthUser {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    isActive: user.isActive,
    timezone: user.timezone,
    dayStartHour: user.dayStartHour,
    nudgeHour: user.nudgeHour,
    emailNudges: user.emailNudges,
    emailVerifiedAt: user.emailVerifiedAt,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt,
  };
}

export function toUserDto(user: AuthUser): UserDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    timezone: user.timezone,
    dayStartHour: user.dayStartHour,
    nudgeHour: user.nudgeHour,
    emailNudges: user.emailNudges,
    emailVerified: user.emailVerifiedAt !== null,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The user with their day as of `now` (SPEC.md §3 Days). */
export function toMeDto(
  user: AuthUser,
  now: Date,
  config: Pick<AppConfig, 'smtpUrl' | 'adminEmails'>,
): MeDto {
  return {
    ...toUserDto(user),
    today: userDayOf(now, user.timezone, user.dayStartHour),
    nextDayStartsAt: nextDayStart(now, user.timezone, user.dayStartHour).toISOString(),
    emailDelivery: config.smtpUrl !== null,
    isAdmin: isAdmin(user, config.adminEmails),
  };
}

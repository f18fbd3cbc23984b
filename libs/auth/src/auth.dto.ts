import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Trims and lower-cases an e-mail before it is validated (addresses are case-insensitive here). */
const NormalisedEmail = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/** Trims a string; a blank one becomes null. */
export const TrimmedOrNull = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || null : value,
  );

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export class RegisterDto {
  /** Stored trimmed and in lower case; unique regardless of case. */
  @NormalisedEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** 8–128 characters. */
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  @TrimmedOrNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  fullName?: string | null;

  /** IANA time zone, e.g. `Europe/Paris` (default `UTC`). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}

/** Where the refresh token goes: an httpOnly cookie (default, for browsers) or the response body. */
export type RefreshTokenDelivery = 'cookie' | 'body';

export class LoginDto {
  @NormalisedEmail()
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  /**
   * `cookie` (default): the refresh token is set as the httpOnly cookie `refresh_token` on
   * `/api/auth`. `body`: it is returned as `refreshToken` and no cookie is set (scripts, apps).
   */
  @IsOptional()
  @IsIn(['cookie', 'body'])
  tokenDelivery?: RefreshTokenDelivery;
}

export class RefreshTokenDto {
  /**
   * The refresh token, when it was delivered in a body. Without it the `refresh_token` cookie
   * is used, and then the header `X-Requested-With: habit-tracker` is required (CSRF).
   */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  refreshToken?: string;
}

export class TokenResponseDto {
  /** JWT to send as `Authorization: Bearer <accessToken>`. */
  accessToken!: string;
  tokenType!: 'Bearer';
  /** Seconds until the access token expires (900). */
  expiresIn!: number;
  /** Only when the refresh token is delivered in the body; single use, valid 30 days. */
  refreshToken?: string;
}

/** A new pair of tokens, as the service issued it. */
export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export function toTokenResponseDto(
  session: IssuedSession,
  delivery: RefreshTokenDelivery,
): TokenResponseDto {
  return {
    accessToken: session.accessToken,
    tokenType: 'Bearer',
    expiresIn: session.expiresIn,
    ...(delivery === 'body' ? { refreshToken: session.refreshToken } : {}),
  };
}

import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth.dto';

export class VerifyEmailDto {
  /** The token from the link in the verification e-mail. */
  @IsString() @MaxLength(2000) token!: string;
}

export class PasswordResetRequestDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetDto {
  /** The token from the link in the reset e-mail (single use, 30 minutes). */
  @IsString() @MaxLength(200) token!: string;
  /** 8–128 characters. */
  @IsString() @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH) newPassword!: string;
}

export class UnsubscribeQueryDto {
  /** The token from the unsubscribe link. */
  @IsString() @MaxLength(2000) token!: string;
}

export class EmailVerifiedDto {
  emailVerified!: boolean;
}

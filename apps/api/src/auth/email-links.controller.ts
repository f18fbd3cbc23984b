import { AuthUser, CurrentUser, Public, RateLimit } from '@app/common';
import {
  EmailLinksService,
  EmailVerifiedDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  UnsubscribeQueryDto,
  VerifyEmailDto,
} from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('auth')
@Controller()
export class EmailLinksController {
  constructor(private readonly links: EmailLinksService) {}

  /** E-mails the signed-in user a link that verifies their address (needed for nudge e-mails). */
  @Post('users/me/email-verification')
  @ApiBearerAuth('bearer')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'Sent.' })
  @ApiUnprocessableEntityResponse({ description: 'EMAIL_ALREADY_VERIFIED, EMAIL_NOT_CONFIGURED' })
  sendEmailVerification(@CurrentUser() user: AuthUser): Promise<void> {
    return this.links.sendVerification(user);
  }

  @Public()
  @RateLimit({ limit: 20, windowSeconds: 900 })
  @Post('auth/verify-email')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EmailVerifiedDto })
  @ApiBadRequestResponse({ description: 'VERIFICATION_TOKEN_INVALID' })
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<EmailVerifiedDto> {
    await this.links.verify(dto.token);
    return { emailVerified: true };
  }

  /** Sends a reset link when the address has an account; answers 202 either way. */
  @Public()
  @RateLimit({ limit: 5, windowSeconds: 900, perEmail: true })
  @Post('auth/password-reset/request')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'Accepted (whether or not the address has an account).' })
  requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    return this.links.requestReset(dto.email);
  }

  /** Sets a new password from a reset link and ends every session. */
  @Public()
  @RateLimit({ limit: 20, windowSeconds: 900 })
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'RESET_TOKEN_INVALID' })
  resetPassword(@Body() dto: PasswordResetDto): Promise<void> {
    return this.links.reset(dto.token, dto.newPassword);
  }

  /** One-click unsubscribe from nudge e-mails (RFC 8058), from the link in every digest. */
  @Public()
  @Post('unsubscribe')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'UNSUBSCRIBE_TOKEN_INVALID' })
  unsubscribe(@Query() query: UnsubscribeQueryDto): Promise<void> {
    return this.links.unsubscribe(query.token);
  }
}

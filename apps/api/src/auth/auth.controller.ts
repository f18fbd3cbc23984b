import { AuthUser, CurrentUser, Public, RateLimit } from '@app/common';
import {
  AuthService,
  clearRefreshCookie,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  deliverSession,
  LoginDto,
  MeDto,
  type PresentedRefreshToken,
  RefreshTokenDto,
  RefreshTokenFromRequest,
  RegisterDto,
  TokenResponseDto,
  UserDto,
} from '@app/auth';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

const csrfHeader = ApiHeader({
  name: CSRF_HEADER,
  required: false,
  description: `Must be \`${CSRF_HEADER_VALUE}\` when the refresh token comes from the cookie.`,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Creates an account (it does not sign in). With REGISTRATION=closed only the first user may. */
  @Public()
  @RateLimit({ limit: 50, windowSeconds: 3600 })
  @Post('register')
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or INVALID_TIME_ZONE.' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: an account with this e-mail exists.' })
  @ApiUnprocessableEntityResponse({ description: 'REGISTRATION_CLOSED.' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: 50 sign-ups an hour per address.' })
  register(@Body() dto: RegisterDto): Promise<UserDto> {
    return this.auth.register(dto);
  }

  /**
   * Signs in: an access token (15 minutes) and a refresh token (30 days), the latter as the
   * httpOnly cookie `refresh_token` on `/api/auth`, or in the body with `tokenDelivery: "body"`.
   */
  @Public()
  @RateLimit({ limit: 10, windowSeconds: 900, perEmail: true, failuresOnly: true })
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS: unknown e-mail, wrong password or inactive account.',
  })
  @ApiTooManyRequestsResponse({
    description:
      'RATE_LIMITED: 10 failed attempts per e-mail and client address in 15 minutes (successful sign-ins do not count).',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponseDto> {
    return deliverSession(request, response, await this.auth.login(dto), dto.tokenDelivery);
  }

  /**
   * Rotates the pair: the refresh token (body field, else cookie) is used up and a new one is
   * returned the same way it came. Presenting a used token ends its whole session.
   */
  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @csrfHeader
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    description:
      'REFRESH_TOKEN_MISSING, REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REUSED or CSRF_HEADER_MISSING.',
  })
  async refreshSession(
    @Body() _dto: RefreshTokenDto,
    @RefreshTokenFromRequest() presented: PresentedRefreshToken | null,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponseDto> {
    return deliverSession(
      request,
      response,
      await this.auth.refresh(presented?.token ?? null),
      presented?.via,
    );
  }

  /** Ends this session (the refresh token's family) and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @csrfHeader
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown).' })
  @ApiUnauthorizedResponse({ description: 'CSRF_HEADER_MISSING.' })
  async logout(
    @Body() _dto: RefreshTokenDto,
    @RefreshTokenFromRequest() presented: PresentedRefreshToken | null,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(presented?.token ?? null);
    clearRefreshCookie(request, response);
  }

  /** Ends every session of the user (all refresh tokens). */
  @Post('logout-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth('bearer')
  @ApiNoContentResponse({ description: 'Every session has ended.' })
  async logoutAll(
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logoutAll(user);
    clearRefreshCookie(request, response);
  }

  /** The signed-in user, their `today` and when their next day starts. */
  @Get('me')
  @ApiBearerAuth('bearer')
  @ApiOkResponse({ type: MeDto })
  getMe(@CurrentUser() user: AuthUser): MeDto {
    return this.auth.me(user);
  }
}

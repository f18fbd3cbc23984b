import { AuthUser, CurrentUser } from '@app/common';
import { DeleteMeDto, MeDto, UpdateMeDto, UsersService } from '@app/auth';
import { Body, Controller, Delete, HttpCode, HttpStatus, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('users')
@ApiBearerAuth('bearer')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * Changes the profile and settings. A zone `Intl.DateTimeFormat` refuses is a 400
   * INVALID_TIME_ZONE. A new password needs `currentPassword` and ends every session.
   */
  @Patch('me')
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or INVALID_TIME_ZONE.' })
  @ApiUnprocessableEntityResponse({
    description: 'PASSWORD_INCORRECT: the current password is wrong.',
  })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.users.updateMe(user, dto);
  }

  /** Deletes the account and everything it owns (habits, logs, goals, sessions, events). */
  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The account is gone.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the password is missing.' })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_INCORRECT: the password is wrong.' })
  deleteMe(@CurrentUser() user: AuthUser, @Body() dto: DeleteMeDto): Promise<void> {
    return this.users.deleteMe(user, dto);
  }
}

import {
  ApiIdempotencyKey,
  AuthUser,
  CurrentUser,
  IdempotencyKey,
  ParseIdPipe,
  Upserted,
  UpsertStatus,
} from '@app/common';
import {
  HabitAfterLogDeleteDto,
  HabitLogDto,
  HabitLogsService,
  ListHabitLogsQueryDto,
  LoggedHabitDto,
  LogHabitDto,
} from '@app/habit-logs';
import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('habit-logs')
@ApiBearerAuth('bearer')
@Controller('habit-logs')
export class HabitLogsController {
  constructor(private readonly logs: HabitLogsService) {}

  /**
   * Logs a habit for a day (default: the user's today): 201 when created, 200 when it replaced
   * (or added to) that day's log. Check habits send `status`; measurable habits `value`, `add`
   * or `status: skipped`.
   */
  @Post()
  @UpsertStatus()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: LoggedHabitDto, description: 'Created.' })
  @ApiOkResponse({ type: LoggedHabitDto, description: 'Replaced the log of that day.' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED, LOG_VALUE_NOT_ALLOWED, LOG_STATUS_NOT_ALLOWED, LOG_VALUE_REQUIRED, LOG_VALUE_CONFLICT, LOG_VALUE_INVALID, LOG_ADD_INVALID, IDEMPOTENCY_KEY_INVALID',
  })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'LOG_DATE_IN_FUTURE, LOG_DATE_BEFORE_START, LOG_VALUE_TOO_LARGE',
  })
  logHabit(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogHabitDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<Upserted<LoggedHabitDto>> {
    return this.logs.log(user, dto, idempotencyKey);
  }

  /** A habit's logs from `from` to `to` (default the last 90 days, at most 371). */
  @Get('habit/:id')
  @ApiOkResponse({ type: [HabitLogDto] })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiBadRequestResponse({ description: 'INVALID_RANGE, RANGE_TOO_LONG' })
  listHabitLogs(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListHabitLogsQueryDto,
  ): Promise<HabitLogDto[]> {
    return this.logs.list(user, id, query);
  }

  /** Undoes a log; answers the habit recomputed without it. */
  @Delete(':id')
  @ApiOkResponse({ type: HabitAfterLogDeleteDto })
  @ApiNotFoundResponse({ description: 'LOG_NOT_FOUND' })
  deleteHabitLog(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<HabitAfterLogDeleteDto> {
    return this.logs.remove(user, id);
  }
}

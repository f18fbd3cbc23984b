import { AuthUser, CurrentUser, ParseIdPipe, Upserted, UpsertStatus } from '@app/common';
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

  /** Logs a habit for a day (default: the user's today): 201 when created, 200 when it replaced that day's log. */
  @Post()
  @UpsertStatus()
  @ApiCreatedResponse({ type: LoggedHabitDto, description: 'Created.' })
  @ApiOkResponse({ type: LoggedHabitDto, description: 'Replaced the log of that day.' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'LOG_DATE_IN_FUTURE, LOG_DATE_BEFORE_START' })
  logHabit(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogHabitDto,
  ): Promise<Upserted<LoggedHabitDto>> {
    return this.logs.log(user, dto);
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

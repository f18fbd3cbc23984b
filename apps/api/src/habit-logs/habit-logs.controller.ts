import { AuthUser, CurrentUser, ParseIdPipe } from '@app/common';
import {
  HabitAfterLogDeleteDto,
  HabitLogDto,
  HabitLogsService,
  ListHabitLogsQueryDto,
  LoggedHabitDto,
  LogHabitDto,
} from '@app/habit-logs';
import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

@ApiTags('habit-logs')
@ApiBearerAuth('bearer')
@Controller('habit-logs')
export class HabitLogsController {
  constructor(private readonly logs: HabitLogsService) {}

  /** Logs a habit for a day (default: the user's today): 201 when created, 200 when it replaced that day's log. */
  @Post()
  @ApiCreatedResponse({ type: LoggedHabitDto, description: 'Created.' })
  @ApiOkResponse({ type: LoggedHabitDto, description: 'Replaced the log of that day.' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'LOG_DATE_IN_FUTURE, LOG_DATE_BEFORE_START' })
  async logHabit(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogHabitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoggedHabitDto> {
    const { created, body } = await this.logs.log(user, dto);
    res.status(created ? 201 : 200);
    return body;
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

import {
  AnalyticsService,
  ConsistencyPointDto,
  ConsistencyTrendQueryDto,
  DashboardDto,
  HeatmapCountsDto,
  HeatmapDayDto,
  HeatmapQueryDto,
  MeasurePointDto,
  MeasureSeriesQueryDto,
  MonthlyStatsQueryDto,
  PeriodStatsDto,
  WeeklyStatsQueryDto,
} from '@app/analytics';
import { AuthUser, CurrentUser, ParseIdPipe } from '@app/common';
import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnprocessableEntityResponse,
  ApiTags,
} from '@nestjs/swagger';

@ApiTags('analytics')
@ApiBearerAuth('bearer')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Habits by status, today's progress, completion rates, best streaks, average consistency, goals, the last 7 days. */
  @Get('dashboard')
  @ApiOkResponse({ type: DashboardDto })
  getDashboard(@CurrentUser() user: AuthUser): Promise<DashboardDto> {
    return this.analytics.dashboard(user);
  }

  /** All habits over `from`–`to` (default the last 365 days, at most 371): per day, how many habits were done, skipped, missed or pending. */
  @Get('heatmap')
  @ApiOkResponse({ type: [HeatmapCountsDto] })
  @ApiBadRequestResponse({ description: 'INVALID_RANGE, RANGE_TOO_LONG, VALIDATION_FAILED' })
  getHeatmap(
    @CurrentUser() user: AuthUser,
    @Query() query: HeatmapQueryDto,
  ): Promise<HeatmapCountsDto[]> {
    return this.analytics.heatmap(user, query);
  }

  /** One habit's status per day over `from`–`to` (default the last 365 days, at most 371). */
  @Get('habits/:id/heatmap')
  @ApiOkResponse({ type: [HeatmapDayDto] })
  @ApiBadRequestResponse({
    description: 'INVALID_ID, INVALID_RANGE, RANGE_TOO_LONG, VALIDATION_FAILED',
  })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getHabitHeatmap(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: HeatmapQueryDto,
  ): Promise<HeatmapDayDto[]> {
    return this.analytics.habitHeatmap(user, id, query);
  }

  /** Done vs expected per ISO week, for the `weeks` weeks (1–53, default 12) ending with the current one. */
  @Get('habits/:id/weekly')
  @ApiOkResponse({ type: [PeriodStatsDto] })
  @ApiBadRequestResponse({ description: 'INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getHabitWeeklyStats(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: WeeklyStatsQueryDto,
  ): Promise<PeriodStatsDto[]> {
    return this.analytics.habitWeekly(user, id, query);
  }

  /** Done vs expected per calendar month, for the `months` months (1–24, default 6) ending with the current one. */
  @Get('habits/:id/monthly')
  @ApiOkResponse({ type: [PeriodStatsDto] })
  @ApiBadRequestResponse({ description: 'INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getHabitMonthlyStats(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MonthlyStatsQueryDto,
  ): Promise<PeriodStatsDto[]> {
    return this.analytics.habitMonthly(user, id, query);
  }

  /**
   * A measurable habit's total per period (its target's period: day, ISO week or month) from
   * `from` to `to` (default the last 30 days, at most 371), against the prorated target.
   */
  @Get('habits/:id/values')
  @ApiOkResponse({ type: [MeasurePointDto] })
  @ApiBadRequestResponse({
    description: 'INVALID_ID, VALIDATION_FAILED, INVALID_RANGE, RANGE_TOO_LONG',
  })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'HABIT_NOT_MEASURABLE' })
  getHabitValues(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MeasureSeriesQueryDto,
  ): Promise<MeasurePointDto[]> {
    return this.analytics.habitValues(user, id, query);
  }

  /** Consistency as of each of the `days` days (1–371, default 30) ending today. */
  @Get('habits/:id/consistency-trend')
  @ApiOkResponse({ type: [ConsistencyPointDto] })
  @ApiBadRequestResponse({ description: 'INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getHabitConsistencyTrend(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ConsistencyTrendQueryDto,
  ): Promise<ConsistencyPointDto[]> {
    return this.analytics.habitConsistencyTrend(user, id, query);
  }
}

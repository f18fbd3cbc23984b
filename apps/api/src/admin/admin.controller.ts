import { AuthUser, CurrentUser } from '@app/common';
import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JobRunDto, ListJobRunsQueryDto, OperationsStatusDto } from './admin.dto';
import { AdminService } from './admin.service';
import { setQueueDashboardCookie } from './queue-dashboard';

@ApiTags('admin')
@ApiBearerAuth('bearer')
@ApiUnauthorizedResponse({ description: 'UNAUTHORIZED, TOKEN_INVALID, TOKEN_REVOKED' })
@ApiNotFoundResponse({ description: 'NOT_FOUND (the caller is not an admin)' })
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  /** The newest runs of the scheduled jobs, in every run mode: name, times, outcome, counts. */
  @Get('jobs')
  @ApiOkResponse({ type: [JobRunDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  listJobRuns(
    @CurrentUser() user: AuthUser,
    @Query() query: ListJobRunsQueryDto,
  ): Promise<JobRunDto[]> {
    return this.admin.listJobRuns(user, query);
  }

  /** Queue counts (scaled mode), the outbox backlog and the run mode. */
  @Get('status')
  @ApiOkResponse({ type: OperationsStatusDto })
  getOperationsStatus(@CurrentUser() user: AuthUser): Promise<OperationsStatusDto> {
    return this.admin.status(user);
  }

  /**
   * Lets this browser open the queue dashboard (Bull Board, scaled mode) at `/admin/queues` for
   * 30 minutes: an httpOnly, SameSite=Strict cookie on that path, ended with the session.
   */
  @Post('queue-dashboard/session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The cookie is set.' })
  openQueueDashboard(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): void {
    setQueueDashboardCookie(request, response, this.admin.queueDashboardPass(user, authorization));
  }
}

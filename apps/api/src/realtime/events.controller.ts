import { AuthUser, CurrentUser } from '@app/common';
import { EventsService, ListEventsQueryDto, MissedEventsDto } from '@app/realtime';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

@ApiTags('events')
@ApiBearerAuth('bearer')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /**
   * The real-time events after `since`, in `seq` order, at most 500 (`hasMore` when more follow):
   * what a reconnecting socket missed. Delivered events are kept 7 days (EVENT_RETENTION_DAYS);
   * `resync` says some after `since` are gone.
   */
  @Get()
  @ApiOkResponse({ type: MissedEventsDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  listEvents(
    @CurrentUser() user: AuthUser,
    @Query() query: ListEventsQueryDto,
  ): Promise<MissedEventsDto> {
    return this.events.listMissed(user, query);
  }
}

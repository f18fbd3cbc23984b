import type { AuthUser } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ListEventsQueryDto, MAX_EVENTS_PER_PAGE, MissedEventsDto } from './event.dto';
import { OutboxRepository } from './outbox.repository';

/** The catch-up read: what a client missed while its socket was away. */
@Injectable()
export class EventsService {
  constructor(private readonly outbox: OutboxRepository) {}

  async listMissed(user: AuthUser, query: ListEventsQueryDto): Promise<MissedEventsDto> {
    const limit = query.limit ?? MAX_EVENTS_PER_PAGE;
    const found = await this.outbox.since(user.id, query.since, limit + 1);
    const events = found.events.slice(0, limit);
    const latestSeq = found.latestSeq ?? 0;
    // Sequence numbers have no gaps (reserved in the committing transaction), so a first event
    // beyond since + 1, or none while latestSeq is ahead, means retention removed some.
    const gap = events.length > 0 ? events[0].seq > query.since + 1 : latestSeq > query.since;
    return {
      events,
      hasMore: found.events.length > limit,
      latestSeq,
      resync: gap || query.since > latestSeq,
    };
  }
}

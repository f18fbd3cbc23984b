import { SERVER_EVENT_TYPES } from '@app/contracts';
import type { MissedEvents, ServerEvent, ServerEventType } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Most events `GET /api/events` returns at once. */
export const MAX_EVENTS_PER_PAGE = 500;

/** Digits only: "1.5", "-1", "" and "abc" stay strings and fail validation (400). */
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

export class ListEventsQueryDto {
  /** The last `seq` the client has applied (0 for everything kept): events after it are returned. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  since!: number;
  /** At most this many events, 1–500 (default 500); `hasMore` says whether more follow. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_EVENTS_PER_PAGE, required: false })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PER_PAGE)
  limit?: number;
}

/** One real-time event as the socket delivered it (or would have): see `libs/contracts`. */
export class ServerEventDto {
  @ApiProperty({ enum: SERVER_EVENT_TYPES }) type!: ServerEventType;
  /** The user's event sequence number: increases by one per event, never reused. */
  @ApiProperty({ type: 'integer' }) seq!: number;
  /**
   * A snapshot: habit_logged {log, habit}, streak_update {habit}, habit_at_risk {habit,
   * consecutiveMisses}, goal_completed {goal}, nudge {habitId, name, localDate}. A client ignores
   * a habit or goal whose `version` is not newer than the one it holds.
   */
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: unknown;
}

/** What a reconnecting client missed (SPEC.md §4 "Real time"). */
export class MissedEventsDto implements MissedEvents {
  /** Events with `seq` > since, in `seq` order, undelivered ones included. */
  @ApiProperty({ type: () => [ServerEventDto] }) events!: ServerEvent[];
  /** More events follow the last one: ask again with `since` = its `seq`. */
  hasMore!: boolean;
  /** The user's newest sequence number (0 before any event). */
  @ApiProperty({ type: 'integer' }) latestSeq!: number;
  /**
   * Events after `since` are no longer kept (delivered events are kept EVENT_RETENTION_DAYS,
   * default 7), or `since` is ahead of `latestSeq`: reload over REST instead of applying events.
   */
  resync!: boolean;
}

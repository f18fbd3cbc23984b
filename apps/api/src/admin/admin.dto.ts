import { JOB_NAMES } from '@app/contracts';
import type { JobName } from '@app/contracts';
import type { JobRun, QueueCounts } from '@app/jobs';
import type { OutboxBacklog } from '@app/realtime';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Most job runs `GET /api/admin/jobs` returns. */
export const MAX_JOB_RUNS = 200;

/** Digits only: "1.5", "-1", "" and "abc" stay strings and fail validation (400). */
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

export class ListJobRunsQueryDto {
  /** How many of the newest runs (default 50). */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_JOB_RUNS, required: false })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_RUNS)
  limit?: number;
}

export class JobRunDto {
  id!: string;
  @ApiProperty({ enum: JOB_NAMES }) name!: JobName;
  /** The process that ran it (`host:pid`). */
  runner!: string;
  /** 1 for the first try; retries count up. */
  @ApiProperty({ type: 'integer' }) attempt!: number;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] })
  status!: 'running' | 'succeeded' | 'failed';
  /** ISO-8601 instant. */
  startedAt!: string;
  /** ISO-8601 instant; null while running. */
  finishedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) durationMs!: number | null;
  /** What the run did, e.g. `{"users": 3}`. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  counts!: Record<string, number>;
  /** The failure's message; null unless failed. */
  error!: string | null;
}

export class QueueCountsDto implements QueueCounts {
  @ApiProperty({ type: 'integer' }) waiting!: number;
  @ApiProperty({ type: 'integer' }) prioritized!: number;
  @ApiProperty({ type: 'integer' }) active!: number;
  @ApiProperty({ type: 'integer' }) delayed!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
}

export class OutboxStatusDto {
  /** Events recorded and not yet delivered to sockets. */
  @ApiProperty({ type: 'integer' }) pending!: number;
  /** How long the oldest of them has waited, in seconds (0 when none waits). */
  oldestPendingSeconds!: number;
}

export class OperationsStatusDto {
  /** standalone, postgres or scaled (SPEC.md §2). */
  mode!: 'standalone' | 'postgres' | 'scaled';
  /** The jobs queue by state; null when jobs run on timers inside the API (no queue). */
  @ApiProperty({ type: () => QueueCountsDto, nullable: true }) queue!: QueueCountsDto | null;
  outbox!: OutboxStatusDto;
  /** Whether Bull Board is served at `/admin/queues` (scaled mode). */
  queueDashboard!: boolean;
}

export function toJobRunDto(run: JobRun): JobRunDto {
  return {
    id: run.id,
    name: run.name,
    runner: run.runner,
    attempt: run.attempt,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
    counts: run.counts,
    error: run.error,
  };
}

export function toOutboxStatusDto(backlog: OutboxBacklog, now: number): OutboxStatusDto {
  return {
    pending: backlog.pending,
    oldestPendingSeconds: backlog.oldestCreatedAt
      ? Math.max(0, Math.round((now - backlog.oldestCreatedAt.getTime()) / 100) / 10)
      : 0,
  };
}

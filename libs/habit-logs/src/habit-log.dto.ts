import { IsLocalDate } from '@app/common';
import type { HabitLogSnapshot } from '@app/contracts';
import type { HabitLogEntity } from '@app/database';
import { HabitDto } from '@app/habits';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const LOG_STATUSES = ['done', 'skipped', 'missed'] as const;

export class LogHabitDto {
  @IsUUID('all') habitId!: string;
  /** The user's local date (default: their today). Not after today, not before the habit's start. */
  @IsOptional() @IsLocalDate() logDate?: string;
  @IsIn(LOG_STATUSES) status!: (typeof LOG_STATUSES)[number];
  /** At most 1000 characters. */
  /** ≤ 1000 characters. Absent: a log that replaces the day's keeps its notes; null clears them. */
  @IsOptional() @IsString() @MaxLength(1000) notes?: string | null;
}

export class ListHabitLogsQueryDto {
  /** First day (default: 89 days before `to`). */
  @IsOptional() @IsLocalDate() from?: string;
  /** Last day (default: the user's today). At most 371 days from `from`. */
  @IsOptional() @IsLocalDate() to?: string;
}

export class HabitLogDto implements HabitLogSnapshot {
  id!: string;
  habitId!: string;
  logDate!: string;
  @ApiProperty({ enum: LOG_STATUSES }) status!: (typeof LOG_STATUSES)[number];
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
}

export class LoggedHabitDto {
  log!: HabitLogDto;
  /** The habit with its statistics after the write. */
  habit!: HabitDto;
}

export class HabitAfterLogDeleteDto {
  habit!: HabitDto;
}

export function toHabitLogDto(
  log: Pick<HabitLogEntity, 'id' | 'habitId' | 'logDate' | 'status' | 'notes'>,
): HabitLogDto {
  return {
    id: log.id,
    habitId: log.habitId,
    logDate: log.logDate,
    status: log.status,
    notes: log.notes,
  };
}

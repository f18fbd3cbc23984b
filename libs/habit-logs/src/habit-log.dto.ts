import { IsLocalDate } from '@app/common';
import type { HabitLogSnapshot } from '@app/contracts';
import type { HabitLogEntity } from '@app/database';
import { HabitDto } from '@app/habits';
import { ApiProperty } from '@nestjs/swagger';
import { MAX_MEASURE_VALUE } from '@app/domain';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const LOG_STATUSES = ['done', 'skipped', 'missed'] as const;

export class LogHabitDto {
  @IsUUID('all') habitId!: string;
  /** The user's local date (default: their today). Not after today, not before the habit's start. */
  @IsOptional() @IsLocalDate() logDate?: string;
  /**
   * Check habits (required): `done`, `skipped` or `missed`. Measurable habits: only `skipped`
   * (400 LOG_STATUS_NOT_ALLOWED for done/missed); send `value` or `add` instead.
   */
  @IsOptional() @IsIn(LOG_STATUSES) status?: (typeof LOG_STATUSES)[number];
  /**
   * Measurable habits: the day's value, 0 … 999999999.999 with at most 3 decimals (stored
   * exactly); replaces the day's value. A check habit refuses it (400 LOG_VALUE_NOT_ALLOWED).
   */
  @ApiProperty({ required: false, minimum: 0, maximum: MAX_MEASURE_VALUE })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
  /**
   * Measurable habits: adds this much (> 0, at most 3 decimals) to the day's value atomically
   * (quick taps; concurrent adds all count). Send an `Idempotency-Key` header to make a retry
   * add nothing.
   */
  @ApiProperty({ required: false, minimum: 0.001, maximum: MAX_MEASURE_VALUE })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  add?: number;
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
  /** Measurable habits: the day's value (exact, at most 3 decimals); null otherwise. */
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
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
  log: Pick<HabitLogEntity, 'id' | 'habitId' | 'logDate' | 'status' | 'notes'> & {
    value?: number | null;
  },
): HabitLogDto {
  return {
    id: log.id,
    habitId: log.habitId,
    logDate: log.logDate,
    status: log.status,
    notes: log.notes,
    value: log.value ?? null,
  };
}

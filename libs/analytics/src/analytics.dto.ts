import { IsLocalDate } from '@app/common';
import type { HeatmapDay, HeatmapStatus, PeriodTotals } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const HEATMAP_STATUSES = [
  'done',
  'skipped',
  'missed',
  'pending',
  'not_due',
  'paused',
] as const satisfies readonly HeatmapStatus[];

export class HeatmapQueryDto {
  /** First day (default: 364 days before `to`, so 365 days in all). */
  @IsOptional() @IsLocalDate() from?: string;
  /** Last day (default: the user's today). At most 371 days from `from`. */
  @IsOptional() @IsLocalDate() to?: string;
}

export class WeeklyStatsQueryDto {
  /** ISO weeks ending with the current one, 1–53 (default 12). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(53) weeks?: number;
}

export class MonthlyStatsQueryDto {
  /** Calendar months ending with the current one, 1–24 (default 6). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(24) months?: number;
}

export class ConsistencyTrendQueryDto {
  /** Days ending with the user's today, 1–371 (default 30). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(371) days?: number;
}

/** One day of a habit's heatmap. */
export class HeatmapDayDto {
  date!: string;
  /**
   * The day's log if any; else `paused` inside a pause, `not_due` before the start date or on a
   * day the schedule does not ask for, `missed` for a due day before today, `pending` for a due
   * day from today on. Weekly habits: an unlogged day is `pending` in the current week,
   * `missed` in a failed past week and `not_due` otherwise.
   */
  @ApiProperty({ enum: HEATMAP_STATUSES }) status!: HeatmapStatus;
  /** Measurable habits: the day's value (null unlogged or skipped); null for check habits. */
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  /**
   * Measurable habits: the day's period total ÷ its target, 0–1 (1 = reached; capped), null
   * where nothing is judged; null for check habits. Status of a measurable habit's day: its
   * period's outcome (met → done, failed → missed, pending; neutral → not_due).
   */
  @ApiProperty({ type: Number, nullable: true }) progress!: number | null;
}

export class MeasureSeriesQueryDto {
  /** First day (default: the first day of the period 29 periods before the current one). */
  @IsOptional() @IsLocalDate() from?: string;
  /** Last day (default: the user's today). At most 371 days from `from`. */
  @IsOptional() @IsLocalDate() to?: string;
}

/** One period of a measurable habit's chart: its total against its (prorated) target. */
export class MeasurePointDto {
  /** First and last day of the period (a day, an ISO week or a calendar month). */
  start!: string;
  end!: string;
  /** Σ the values of its counted days (exact, at most 3 decimals). */
  total!: number;
  /** The target prorated for days before the start date or paused; null when none counts. */
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ enum: ['met', 'failed', 'pending', 'neutral'] }) outcome!:
    'met' | 'failed' | 'pending' | 'neutral';
}

/**
 * How many of the user's habits (archived included: their past is real) had each heatmap
 * status on one day; `not_due` and `paused` days are not counted.
 */
export class HeatmapCountsDto {
  date!: string;
  done!: number;
  skipped!: number;
  missed!: number;
  pending!: number;
}

/** Done vs expected in one ISO week or calendar month. */
export class PeriodStatsDto {
  /** The period's first day: an ISO Monday, or the 1st of a month. */
  periodStart!: string;
  /** Completions that counted: done due days (weekly habits: min(done, quota) per week). */
  done!: number;
  /**
   * Due days not skipped and not a pending today (weekly habits: the quota of each week, in
   * the period holding its first counted day; the current week's quota only as far as it is done).
   */
  expected!: number;
  /** 100 × done / expected, rounded half-up; null when nothing was expected. */
  @ApiProperty({ type: Number, nullable: true }) rate!: number | null;
}

/** Consistency as it was on one day (SPEC.md §3: 30 days, or 4 past ISO weeks + the current one). */
export class ConsistencyPointDto {
  date!: string;
  /** 0–100; null when nothing was expected in that day's window. */
  @ApiProperty({ type: Number, nullable: true }) consistency!: number | null;
}

export class HabitsByStatusDto {
  active!: number;
  atRisk!: number;
  paused!: number;
  archived!: number;
}

/** Today (in the user's zone) over the habits due today. */
export class TodayProgressDto {
  /** The user's today. */
  date!: string;
  /** Habits due today (a weekly habit while its week's quota is open). */
  due!: number;
  /** Habits due today and logged `done` today. */
  done!: number;
  /** Habits due today with no log today yet. */
  remaining!: number;
}

export class BestStreakDto {
  habitId!: string;
  /** The habit's current streak. */
  value!: number;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) unit!: 'day' | 'week' | 'month';
}

export class GoalCountsDto {
  /** Not completed, deadline absent or not past. */
  inProgress!: number;
  completed!: number;
  /** Not completed and the deadline is before the user's today. */
  overdue!: number;
}

export class DashboardDto {
  /** The user's today: every figure is as of it. */
  today!: string;
  habitsByStatus!: HabitsByStatusDto;
  dueToday!: TodayProgressDto;
  /**
   * Percent (0–100, rounded half-up) of the habit-days of the last 7 days (today included)
   * that were done: `done` ÷ (`done` + `missed`) over the cells counted as in
   * `GET /api/analytics/heatmap`; null when there are none.
   */
  @ApiProperty({ type: Number, nullable: true }) completionRate7d!: number | null;
  /** The same over the last 30 days. */
  @ApiProperty({ type: Number, nullable: true }) completionRate30d!: number | null;
  /** Per streak unit, the non-archived habit with the longest current streak (units where every streak is 0 are left out). */
  bestStreaks!: BestStreakDto[];
  /** Mean of the non-archived habits' consistency scores (those not null), rounded half-up; null when none. */
  @ApiProperty({ type: Number, nullable: true }) averageConsistency!: number | null;
  goals!: GoalCountsDto;
  /** The last 7 days, oldest first, counted as in `GET /api/analytics/heatmap`. */
  last7Days!: HeatmapCountsDto[];
}

/** 100 × part / whole rounded half-up; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((200 * part + whole) / (2 * whole));
}

export function toHeatmapDayDto(day: HeatmapDay): HeatmapDayDto {
  return {
    date: day.date,
    status: day.status,
    value: day.value ?? null,
    progress: day.progress ?? null,
  };
}

export function toPeriodStatsDto(totals: PeriodTotals): PeriodStatsDto {
  return {
    periodStart: totals.periodStart,
    done: totals.done,
    expected: totals.expected,
    rate: percent(totals.done, totals.expected),
  };
}

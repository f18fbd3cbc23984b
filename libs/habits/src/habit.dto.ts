import { IsEmoji, IsLocalDate } from '@app/common';
import type { HabitLogSnapshot, HabitSnapshot, PausePeriodSnapshot } from '@app/contracts';
import {
  HABIT_COLORS,
  type HabitColor,
  type HabitEntity,
  type HabitLogEntity,
} from '@app/database';
import {
  HABIT_KINDS,
  MAX_MEASURE_VALUE,
  TARGET_PERIODS,
  TARGET_TYPES,
  type HabitKind,
  type HeatmapStatus,
  type TargetPeriod,
  type TargetType,
} from '@app/domain';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const FREQUENCIES = ['daily', 'weekly', 'custom'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const PRIORITIES = ['low', 'medium', 'high'] as const;
/** The statuses a client may set; `at_risk` is derived (SPEC.md §3). */
export const SETTABLE_STATUSES = ['active', 'paused', 'archived'] as const;
export const HABIT_STATUSES = ['active', 'paused', 'archived', 'at_risk'] as const;
export { HABIT_COLORS };
export const RECENT_DAY_STATUSES = [
  'done',
  'skipped',
  'missed',
  'pending',
  'not_due',
  'paused',
] as const satisfies readonly HeatmapStatus[];

export class PausePeriodDto implements PausePeriodSnapshot {
  /** First paused day (the user's local date). */
  @IsLocalDate() from!: string;
  /** Last paused day, or null while the pause is open. */
  @ValidateIf((_o, value) => value !== null)
  @IsLocalDate()
  @ApiProperty({ type: String, nullable: true, example: null })
  to!: string | null;
}

/** A measurable habit's target: "at least 8 a day", "at most 2 a day", "at least 20 a week". */
export class MeasureTargetDto {
  @ApiProperty({ enum: TARGET_TYPES }) @IsIn(TARGET_TYPES) type!: TargetType;
  /** > 0 (`at_most` may be 0), at most 3 decimals. */
  @ApiProperty({ minimum: 0, maximum: MAX_MEASURE_VALUE })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  value!: number;
  /** `day` follows the schedule; `week` (ISO) and `month` need `frequency: daily`. */
  @ApiProperty({ enum: TARGET_PERIODS }) @IsIn(TARGET_PERIODS) period!: TargetPeriod;
}

/** Fields shared by create, replace and patch. Schedule fields unused by the frequency must be null or absent. */
class HabitFieldsDto {
  /** 1–100 characters. */
  @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @IsIn(FREQUENCIES) frequency!: (typeof FREQUENCIES)[number];
  /** Weekly only: completions per ISO week, 1–7. */
  @IsOptional() @IsInt() timesPerWeek?: number | null;
  /** Custom only (or intervalDays): ISO weekdays 1=Mon … 7=Sun, distinct. */
  @IsOptional() @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) daysOfWeek?: number[] | null;
  /** Custom only (or daysOfWeek): every N days, 2–365. */
  @IsOptional() @IsInt() intervalDays?: number | null;
  /** First day the habit is due (default: the user's today). May move earlier, not past the first log. */
  @IsOptional() @IsLocalDate() startDate?: string;
  @IsOptional() @IsIn(DIFFICULTIES) difficulty?: (typeof DIFFICULTIES)[number];
  @IsOptional() @IsIn(PRIORITIES) priority?: (typeof PRIORITIES)[number];
  /** `paused`/`archived` open a pause from today, `active` closes it. `at_risk` is derived and refused. */
  @IsOptional() @IsIn(SETTABLE_STATUSES) status?: (typeof SETTABLE_STATUSES)[number];
  /** One of the palette's colours (default `green`); the web app draws each in light and dark. */
  @IsOptional() @IsIn(HABIT_COLORS) color?: HabitColor;
  /** One emoji, or null for none. */
  @IsOptional() @ValidateIf((_o, value) => value !== null) @IsEmoji() icon?: string | null;
  /**
   * `check` (default: done/skipped/missed) or `measure` (a value per day toward `target`,
   * SPEC.md §6). A habit with logs keeps its kind (422 HABIT_KIND_LOCKED).
   */
  @IsOptional() @IsIn(HABIT_KINDS) @ApiProperty({ enum: HABIT_KINDS }) kind?: HabitKind;
  /** Measurable habits only: the unit of their values, 1–20 characters ("glasses", "km"). */
  @IsOptional() @ValidateIf((_o, value) => value !== null) @IsString() @MaxLength(20) unit?:
    string | null;
  /** Measurable habits only: the target. Weekly frequency is refused for measurable habits. */
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => MeasureTargetDto)
  @ApiProperty({ type: MeasureTargetDto, nullable: true })
  target?: MeasureTargetDto | null;
  /** The full set of pause periods (overlaps merge; at most 100). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PausePeriodDto)
  pausePeriods?: PausePeriodDto[];
}

export class CreateHabitDto extends HabitFieldsDto {}

/** PUT: the whole editable habit; omitted optional fields take their defaults. */
export class ReplaceHabitDto extends HabitFieldsDto {}

/** PATCH: any subset of the fields, with the same rules. */
export class UpdateHabitDto extends PartialType(CreateHabitDto) {}

/** A new order for some of the user's habits. */
export class ReorderHabitsDto {
  /**
   * Habit ids in their new order. The listed habits take, in this order, the places they held
   * among themselves; the others keep theirs (so a filtered list can be reordered).
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  habitIds!: string[];
}

export class ListHabitsQueryDto {
  /** Only habits with this status. */
  @IsOptional() @IsIn(HABIT_STATUSES) status?: (typeof HABIT_STATUSES)[number];
}

export class TodayLogDto {
  id!: string;
  /** A measurable habit's log is `done` when it holds a value, `skipped` otherwise. */
  @ApiProperty({ enum: ['done', 'skipped', 'missed'] }) status!: 'done' | 'skipped' | 'missed';
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  /** Measurable habits: the day's value so far; null for check habits and skipped days. */
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
}

/** A measurable habit's current period (SPEC.md §6), as of `statsAsOf`. */
export class MeasurePeriodDto {
  /** First and last day: the day itself, an ISO Monday–Sunday or a calendar month. */
  start!: string;
  end!: string;
  /** Σ the values of its counted days so far (exact, at most 3 decimals). */
  total!: number;
  /** The target prorated for days before the start date or paused; null when none counts. */
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  /** `met` (at_least: reached; at_most: a past period within it), `failed`, `pending` or `neutral`. */
  @ApiProperty({ enum: ['met', 'failed', 'pending', 'neutral'] }) outcome!:
    'met' | 'failed' | 'pending' | 'neutral';
}

export class WeekProgressDto {
  /** Completions counted in the current ISO week. */
  done!: number;
  /** Completions the week asks for (reduced by skips and pauses). */
  quota!: number;
}

/** One of the last days of a habit, as the one-tap strip draws it. */
export class RecentDayDto {
  date!: string;
  /** As in the heatmap: the day's log, else `paused`, `not_due` (also before the start date), `missed` or `pending`. */
  @ApiProperty({ enum: RECENT_DAY_STATUSES }) status!: HeatmapStatus;
  /** The day's log, to undo it; null when there is none. */
  @ApiProperty({ type: String, nullable: true }) logId!: string | null;
}

export class HabitDto implements HabitSnapshot {
  id!: string;
  name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: FREQUENCIES }) frequency!: (typeof FREQUENCIES)[number];
  @ApiProperty({ type: Number, nullable: true }) timesPerWeek!: number | null;
  @ApiProperty({ type: [Number], nullable: true }) daysOfWeek!: number[] | null;
  @ApiProperty({ type: Number, nullable: true }) intervalDays!: number | null;
  startDate!: string;
  @ApiProperty({ enum: DIFFICULTIES }) difficulty!: (typeof DIFFICULTIES)[number];
  @ApiProperty({ enum: PRIORITIES }) priority!: (typeof PRIORITIES)[number];
  @ApiProperty({ enum: HABIT_STATUSES }) status!: (typeof HABIT_STATUSES)[number];
  @ApiProperty({ enum: HABIT_COLORS }) color!: HabitColor;
  @ApiProperty({ type: String, nullable: true }) icon!: string | null;
  /** 1-based place in the user's list (lists are sorted by it). */
  position!: number;
  @ApiProperty({ enum: HABIT_KINDS }) kind!: HabitKind;
  /** Measurable habits: the unit of their values; null for check habits. */
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: MeasureTargetDto, nullable: true }) target!: MeasureTargetDto | null;
  /** Measurable habits: the current period's total against its target; null for check habits. */
  @ApiProperty({ type: MeasurePeriodDto, nullable: true }) period!: MeasurePeriodDto | null;
  pausePeriods!: PausePeriodDto[];
  /** Done due days (or met weeks) in the unbroken run ending at the latest due day. */
  currentStreak!: number;
  longestStreak!: number;
  /** `day`/`week` by the schedule; a measurable habit's target period (`day`, `week`, `month`). */
  @ApiProperty({ enum: ['day', 'week', 'month'] }) streakUnit!: 'day' | 'week' | 'month';
  totalCompletions!: number;
  totalSkips!: number;
  /** 0–100, null when nothing was expected. */
  @ApiProperty({ type: Number, nullable: true }) consistencyScore!: number | null;
  /** 0–1 with 4 decimals, null when nothing was expected. */
  @ApiProperty({ type: Number, nullable: true }) failureRate!: number | null;
  /** 0–100 habit strength (exponential smoothing). */
  strength!: number;
  consecutiveMisses!: number;
  @ApiProperty({ type: String, nullable: true }) lastCompletedDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) suggestedFrequency!: string | null;
  /** The user's day the statistics were computed for. */
  @ApiProperty({ type: String, nullable: true }) statsAsOf!: string | null;
  /** Null when paused or archived. */
  @ApiProperty({ type: String, nullable: true }) nextDueDate!: string | null;
  dueToday!: boolean;
  @ApiProperty({ type: TodayLogDto, nullable: true }) todayLog!: TodayLogDto | null;
  @ApiProperty({ type: WeekProgressDto, nullable: true }) week!: WeekProgressDto | null;
  /** The last 7 days ending with the user's today, oldest first (the one-tap strip). */
  @ApiProperty({ type: [RecentDayDto] }) recentDays!: RecentDayDto[];
  /** Incremented by every change to the habit (statistics recomputed at day start included). */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

/** What a habit's streak counts: days or weeks by its schedule, a measurable habit's periods. */
export function streakUnitOf(
  habit: Pick<HabitEntity, 'kind' | 'frequency' | 'targetPeriod'>,
): 'day' | 'week' | 'month' {
  if (habit.kind === 'measure' && habit.targetPeriod) return habit.targetPeriod;
  return habit.frequency === 'weekly' ? 'week' : 'day';
}

export function toHabitDto(
  habit: HabitEntity,
  pauses: PausePeriodSnapshot[],
  todayLog: (Pick<HabitLogEntity, 'id' | 'status' | 'notes'> & { value?: number | null }) | null,
  recentDays: RecentDayDto[],
): HabitDto {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    frequency: habit.frequency,
    timesPerWeek: habit.timesPerWeek,
    daysOfWeek: habit.daysOfWeek,
    intervalDays: habit.intervalDays,
    startDate: habit.startDate,
    difficulty: habit.difficulty,
    priority: habit.priority,
    status: habit.status,
    color: habit.color,
    icon: habit.icon,
    position: habit.position,
    kind: habit.kind,
    unit: habit.unit,
    target:
      habit.kind === 'measure' && habit.targetType && habit.targetPeriod
        ? { type: habit.targetType, value: habit.targetValue ?? 0, period: habit.targetPeriod }
        : null,
    period: habit.kind === 'measure' && habit.period ? { ...habit.period } : null,
    pausePeriods: pauses.map((p) => ({ from: p.from, to: p.to })),
    currentStreak: habit.currentStreak,
    longestStreak: habit.longestStreak,
    streakUnit: streakUnitOf(habit),
    totalCompletions: habit.totalCompletions,
    totalSkips: habit.totalSkips,
    consistencyScore: habit.consistencyScore,
    failureRate: habit.failureRate,
    strength: Math.round(habit.strength),
    consecutiveMisses: habit.consecutiveMisses,
    lastCompletedDate: habit.lastCompletedDate,
    suggestedFrequency: habit.suggestedFrequency,
    statsAsOf: habit.statsAsOf,
    nextDueDate: habit.nextDueDate,
    dueToday: habit.dueToday,
    todayLog: todayLog
      ? {
          id: todayLog.id,
          status: todayLog.status,
          notes: todayLog.notes,
          value: todayLog.value ?? null,
        }
      : null,
    week:
      habit.weekQuota === null || habit.weekDone === null
        ? null
        : { done: habit.weekDone, quota: habit.weekQuota },
    recentDays,
    version: habit.version,
    createdAt: habit.createdAt.toISOString(),
    updatedAt: habit.updatedAt.toISOString(),
  };
}

export type { HabitLogSnapshot };

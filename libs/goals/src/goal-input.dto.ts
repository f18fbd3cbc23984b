import { IsLocalDate } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { GOAL_COUNTS, type GoalCount } from '@app/domain';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const MAX_VALUE = 1e9;
/** A done log counts at most this much towards a goal. */
export const MAX_WEIGHT = 1000;

/** `habits`: optional, but never null (a null set of links means nothing; found by the fuzz run). */
const HabitLinks = () =>
  applyDecorators(
    ValidateIf((_o, v) => v !== undefined),
    IsArray(),
    ValidateNested({ each: true }),
    Type(() => GoalHabitLinkDto),
  );

export class GoalHabitLinkDto {
  @IsUUID('all') habitId!: string;
  /** > 0 and ≤ 1000; new links default to 1, listed links without a weight keep theirs. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_WEIGHT)
  contributionWeight?: number;
  /**
   * `completions` (done logs, or a measurable habit's met periods) or `value` (Σ a measurable
   * habit's values since the goal's start: "run 100 km"). New links default to `completions`,
   * listed links without a count keep theirs.
   */
  @IsOptional()
  @IsIn(GOAL_COUNTS)
  @ApiProperty({ enum: GOAL_COUNTS, required: false })
  count?: GoalCount;
}

class GoalFieldsDto {
  @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  /** > 0. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_VALUE)
  targetValue!: number;
  /** What is counted, e.g. "runs" or "km". */
  @IsString() @MinLength(1) @MaxLength(32) unit!: string;
  /** On or after the start date (422 GOAL_DEADLINE_BEFORE_START otherwise). */
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsLocalDate() deadline?: string | null;
  /** Done logs from this day on count (default: the user's today at creation). */
  @IsOptional() @IsLocalDate() startDate?: string;
  /** Manual progress added to the habits' contributions (default 0). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_VALUE)
  baseValue?: number;
  /** The full set of linked habits (each at most once); may be left out, not null. */
  @HabitLinks()
  @ArrayMaxSize(500)
  habits?: GoalHabitLinkDto[];
}

export class CreateGoalDto extends GoalFieldsDto {}
export class ReplaceGoalDto extends GoalFieldsDto {}

/** PATCH: any subset of the fields, with the same rules. */
export class UpdateGoalDto extends PartialType(OmitType(CreateGoalDto, ['habits'] as const)) {
  /** The full set of linked habits (each at most once); may be left out, not null. */
  @HabitLinks()
  @ArrayMaxSize(500)
  habits?: GoalHabitLinkDto[];
}

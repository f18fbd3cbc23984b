import type { HabitEntity } from '@app/database';
import { Suggestion, SUGGESTION_TYPES, SuggestionType } from '@app/domain';
import { DIFFICULTIES, FREQUENCIES } from '@app/habits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class SuggestionTypeBodyDto {
  @ApiProperty({ enum: SUGGESTION_TYPES })
  @IsIn(SUGGESTION_TYPES)
  type!: SuggestionType;
}

/** A PATCH body for the habit (only the fields the suggestion changes). */
export class HabitChangeDto {
  @ApiPropertyOptional({ enum: FREQUENCIES }) frequency?: (typeof FREQUENCIES)[number];
  @ApiPropertyOptional({ type: Number, nullable: true }) timesPerWeek?: number | null;
  @ApiPropertyOptional({ type: [Number], nullable: true }) daysOfWeek?: number[] | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) intervalDays?: number | null;
  @ApiPropertyOptional({ enum: DIFFICULTIES }) difficulty?: (typeof DIFFICULTIES)[number];
}

export class SuggestionDto {
  @ApiProperty({ enum: SUGGESTION_TYPES }) type!: SuggestionType;
  /** One sentence for the user. */
  message!: string;
  /** What `POST …/apply` would PATCH; null for advice only. */
  @ApiProperty({ type: HabitChangeDto, nullable: true }) change!: HabitChangeDto | null;
}

export class AtRiskHabitDto {
  habitId!: string;
  name!: string;
  /** Missed due occurrences (weekly: failed weeks) after the latest done, before today. */
  consecutiveMisses!: number;
}

export class RiskReportDto {
  /** The user's today the risk rules ran for. */
  asOf!: string;
  /** The habits at risk now, most consecutive misses first (`habit_at_risk` was recorded for those that just became so). */
  atRisk!: AtRiskHabitDto[];
}

export function toSuggestionDto(suggestion: Suggestion): SuggestionDto {
  return {
    type: suggestion.type,
    message: suggestion.message,
    change: suggestion.change ? { ...suggestion.change } : null,
  };
}

export function toAtRiskHabitDto(habit: HabitEntity): AtRiskHabitDto {
  return { habitId: habit.id, name: habit.name, consecutiveMisses: habit.consecutiveMisses };
}

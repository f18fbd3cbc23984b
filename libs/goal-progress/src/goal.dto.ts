import type { GoalSnapshot } from '@app/contracts';
import type { GoalEntity, GoalHabitEntity } from '@app/database';
import { ApiProperty } from '@nestjs/swagger';

export class GoalLinkDto {
  habitId!: string;
  contributionWeight!: number;
  /** `completions` (done logs, or a measurable habit's met periods) or `value` (Σ its values). */
  @ApiProperty({ enum: ['completions', 'value'] }) count!: 'completions' | 'value';
}

export class GoalDto implements GoalSnapshot {
  id!: string;
  name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  targetValue!: number;
  /** baseValue + Σ weight × each link's count (done logs, met periods or values) dated ≥ startDate. */
  currentValue!: number;
  baseValue!: number;
  unit!: string;
  startDate!: string;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  isCompleted!: boolean;
  /** When the goal last became complete. */
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  /** Not completed and the deadline has passed (in the user's day). */
  overdue!: boolean;
  habits!: GoalLinkDto[];
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export function toGoalDto(
  goal: GoalEntity,
  links: Pick<GoalHabitEntity, 'habitId' | 'contributionWeight' | 'count'>[],
  today: string,
): GoalDto {
  return {
    id: goal.id,
    name: goal.name,
    description: goal.description,
    targetValue: goal.targetValue,
    currentValue: goal.currentValue,
    baseValue: goal.baseValue,
    unit: goal.unit,
    startDate: goal.startDate,
    deadline: goal.deadline,
    isCompleted: goal.isCompleted,
    completedAt: goal.completedAt ? goal.completedAt.toISOString() : null,
    overdue: !goal.isCompleted && goal.deadline !== null && goal.deadline < today,
    habits: links.map((l) => ({
      habitId: l.habitId,
      contributionWeight: l.contributionWeight,
      count: l.count,
    })),
    version: goal.version,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

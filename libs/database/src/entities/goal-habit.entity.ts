import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('goal_habits')
export class GoalHabitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'goal_id', type: 'uuid' }) goalId!: string;
  @Column({ name: 'habit_id', type: 'uuid' }) habitId!: string;
  @Column({ name: 'contribution_weight', type: 'double precision', default: 1 })
  contributionWeight!: number;
  /** `completions` (done logs, or met periods) or `value` (Σ a measurable habit's values). */
  @Column({ type: 'varchar', length: 12, default: 'completions' }) count!: 'completions' | 'value';
}

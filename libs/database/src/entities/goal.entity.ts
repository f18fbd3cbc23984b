import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('goals')
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description!: string | null;
  @Column({ name: 'target_value', type: 'double precision' }) targetValue!: number;
  @Column({ name: 'current_value', type: 'double precision', default: 0 }) currentValue!: number;
  @Column({ name: 'base_value', type: 'double precision', default: 0 }) baseValue!: number;
  @Column({ type: 'varchar', length: 32 }) unit!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) deadline!: string | null;
  @Column({ name: 'is_completed', type: 'boolean', default: false }) isCompleted!: boolean;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'stats_as_of', type: 'date', nullable: true }) statsAsOf!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

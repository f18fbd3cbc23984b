import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericToNumber } from './transformers';

export type HabitLogStatus = 'done' | 'skipped' | 'missed';

@Entity('habit_logs')
export class HabitLogEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'habit_id', type: 'uuid' }) habitId!: string;
  @Column({ name: 'log_date', type: 'date' }) logDate!: string;
  @Column({ type: 'varchar', length: 8 }) status!: HabitLogStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) notes!: string | null;
  /** A measurable habit's value for the day (exact, at most 3 decimals; its status is `done`). */
  @Column({
    type: 'numeric',
    precision: 12,
    scale: 3,
    nullable: true,
    transformer: numericToNumber,
  })
  value!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

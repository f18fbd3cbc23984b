import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type HabitLogStatus = 'done' | 'skipped' | 'missed';

@Entity('habit_logs')
export class HabitLogEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'habit_id', type: 'uuid' }) habitId!: string;
  @Column({ name: 'log_date', type: 'date' }) logDate!: string;
  @Column({ type: 'varchar', length: 8 }) status!: HabitLogStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) notes!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HabitFrequency } from './habit.entity';

/** One version of a habit's schedule, in force from `effectiveFrom` until the next version. */
@Entity('habit_schedules')
export class HabitScheduleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'habit_id', type: 'uuid' }) habitId!: string;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column({ type: 'varchar', length: 16 }) frequency!: HabitFrequency;
  @Column({ name: 'times_per_week', type: 'smallint', nullable: true }) timesPerWeek!:
    number | null;
  @Column({ name: 'days_of_week', type: 'smallint', array: true, nullable: true }) daysOfWeek!:
    number[] | null;
  @Column({ name: 'interval_days', type: 'smallint', nullable: true }) intervalDays!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('habit_pauses')
export class HabitPauseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'habit_id', type: 'uuid' }) habitId!: string;
  @Column({ name: 'from_date', type: 'date' }) fromDate!: string;
  @Column({ name: 'to_date', type: 'date', nullable: true }) toDate!: string | null;
}

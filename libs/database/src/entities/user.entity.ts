import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintToNumber } from './transformers';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ name: 'hashed_password', type: 'text' }) hashedPassword!: string;
  @Column({ name: 'full_name', type: 'varchar', length: 100, nullable: true }) fullName!:
    string | null;
  @Column({ name: 'is_active', type: 'boolean', default: true }) isActive!: boolean;
  /** The first user to register (ADMIN_EMAILS adds others at read time: see `isAdmin`). */
  @Column({ name: 'is_admin', type: 'boolean', default: false }) isAdmin!: boolean;
  @Column({ type: 'varchar', length: 64, default: 'UTC' }) timezone!: string;
  @Column({ name: 'day_start_hour', type: 'smallint', default: 0 }) dayStartHour!: number;
  @Column({ name: 'nudge_hour', type: 'smallint', default: 19 }) nudgeHour!: number;
  @Column({ name: 'email_nudges', type: 'boolean', default: false }) emailNudges!: boolean;
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;
  @Column({ name: 'event_seq', type: 'bigint', default: 0, transformer: bigintToNumber })
  eventSeq!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericToNumber } from './transformers';

export type HabitFrequency = 'daily' | 'weekly' | 'custom';
export type HabitDifficulty = 'easy' | 'medium' | 'hard';
export type HabitPriority = 'low' | 'medium' | 'high';
export type HabitStatus = 'active' | 'paused' | 'archived' | 'at_risk';
/** SPEC.md §6: `check` (done/skipped/missed) or `measure` (values toward a target). */
export type HabitKind = 'check' | 'measure';
export type HabitTargetType = 'at_least' | 'at_most';
export type HabitTargetPeriod = 'day' | 'week' | 'month';
/** A measurable habit's current period as its statistics were computed (values exact to 3 decimals). */
export interface StoredPeriod {
  start: string;
  end: string;
  total: number;
  target: number | null;
  outcome: 'met' | 'failed' | 'pending' | 'neutral';
}
/** The palette the web app draws in both themes (a CHECK constraint holds the same list). */
export const HABIT_COLORS = [
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
  'red',
  'orange',
  'amber',
  'slate',
] as const;
export type HabitColor = (typeof HABIT_COLORS)[number];

@Entity('habits')
export class HabitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description!: string | null;
  @Column({ type: 'varchar', length: 16 }) frequency!: HabitFrequency;
  @Column({ name: 'times_per_week', type: 'smallint', nullable: true }) timesPerWeek!:
    number | null;
  @Column({ name: 'days_of_week', type: 'smallint', array: true, nullable: true }) daysOfWeek!:
    number[] | null;
  @Column({ name: 'interval_days', type: 'smallint', nullable: true }) intervalDays!: number | null;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ type: 'varchar', length: 8, default: 'medium' }) difficulty!: HabitDifficulty;
  @Column({ type: 'varchar', length: 8, default: 'medium' }) priority!: HabitPriority;
  @Column({ type: 'varchar', length: 16, default: 'active' }) status!: HabitStatus;
  @Column({ type: 'varchar', length: 16, default: 'green' }) color!: HabitColor;
  /** One emoji, or null. */
  @Column({ type: 'varchar', length: 32, nullable: true }) icon!: string | null;
  @Column({ type: 'varchar', length: 8, default: 'check' }) kind!: HabitKind;
  /** Measurable habits: the unit of their values (1–20 characters); null for check habits. */
  @Column({ type: 'varchar', length: 20, nullable: true }) unit!: string | null;
  @Column({ name: 'target_type', type: 'varchar', length: 8, nullable: true })
  targetType!: HabitTargetType | null;
  @Column({
    name: 'target_value',
    type: 'numeric',
    precision: 12,
    scale: 3,
    nullable: true,
    transformer: numericToNumber,
  })
  targetValue!: number | null;
  @Column({ name: 'target_period', type: 'varchar', length: 8, nullable: true })
  targetPeriod!: HabitTargetPeriod | null;
  /** The habit's id in the file it was imported from (Loop's uuid); matches it on re-import. */
  @Column({ name: 'external_id', type: 'varchar', length: 100, nullable: true }) externalId!:
    string | null;
  /** 1-based place in the user's list (manual order). */
  @Column({ type: 'integer', default: 1 }) position!: number;
  @Column({ name: 'current_streak', type: 'integer', default: 0 }) currentStreak!: number;
  @Column({ name: 'longest_streak', type: 'integer', default: 0 }) longestStreak!: number;
  @Column({ name: 'total_completions', type: 'integer', default: 0 }) totalCompletions!: number;
  @Column({ name: 'total_skips', type: 'integer', default: 0 }) totalSkips!: number;
  @Column({ name: 'consistency_score', type: 'smallint', nullable: true }) consistencyScore!:
    number | null;
  @Column({ name: 'failure_rate', type: 'double precision', nullable: true }) failureRate!:
    number | null;
  @Column({ type: 'double precision', default: 0 }) strength!: number;
  @Column({ name: 'consecutive_misses', type: 'integer', default: 0 }) consecutiveMisses!: number;
  @Column({ name: 'last_completed_date', type: 'date', nullable: true }) lastCompletedDate!:
    string | null;
  @Column({ name: 'suggested_frequency', type: 'varchar', length: 64, nullable: true })
  suggestedFrequency!: string | null;
  @Column({ name: 'last_risk_alert_date', type: 'date', nullable: true }) lastRiskAlertDate!:
    string | null;
  @Column({ name: 'stats_as_of', type: 'date', nullable: true }) statsAsOf!: string | null;
  @Column({ name: 'next_due_date', type: 'date', nullable: true }) nextDueDate!: string | null;
  @Column({ name: 'due_today', type: 'boolean', default: false }) dueToday!: boolean;
  @Column({ name: 'week_done', type: 'smallint', nullable: true }) weekDone!: number | null;
  @Column({ name: 'week_quota', type: 'smallint', nullable: true }) weekQuota!: number | null;
  /** Measurable habits: the current period as of `statsAsOf`; null for check habits. */
  @Column({ type: 'jsonb', nullable: true }) period!: StoredPeriod | null;
  /** The user's day the habit was created. */
  @Column({ name: 'created_on', type: 'date' }) createdOn!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

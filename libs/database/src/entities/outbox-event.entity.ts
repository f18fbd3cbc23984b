import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './transformers';

@Entity('outbox_events')
export class OutboxEventEntity {
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    transformer: bigintToNumber,
  })
  id!: number;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'bigint', transformer: bigintToNumber }) seq!: number;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'jsonb' }) payload!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The request that recorded the event (for the relay's logs); null from jobs. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
}

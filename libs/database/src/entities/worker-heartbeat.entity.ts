import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'varchar', length: 100 }) workerId!: string;
  @Column({ name: 'beat_at', type: 'timestamptz' }) beatAt!: Date;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The queries on `worker_heartbeats`: one row per process that runs jobs. */
@Injectable()
export class HeartbeatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async beat(workerId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, beat_at) VALUES ($1, $2)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = excluded.beat_at`,
      [workerId, at],
    );
  }

  async remove(workerId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM worker_heartbeats WHERE worker_id = $1', [workerId]);
  }

  /** The newest beat of any process (null when none has beaten); also proves the database answers. */
  async newest(): Promise<Date | null> {
    const rows: { beat: Date | null }[] = await this.dataSource.query(
      'SELECT max(beat_at) AS beat FROM worker_heartbeats',
    );
    return rows[0]?.beat ?? null;
  }
}

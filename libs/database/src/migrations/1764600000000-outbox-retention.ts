import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivered events are kept for a bounded time (EVENT_RETENTION_DAYS) for the catch-up read;
 * the relay's hourly clean-up finds the expired ones by `delivered_at`.
 */
export class OutboxRetention1764600000000 implements MigrationInterface {
  name = 'OutboxRetention1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX outbox_events_delivered_at_idx ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_events_delivered_at_idx`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operations (SPEC.md §6): `job_runs`, one row per run of a scheduled job in any mode (its
 * counts, duration, outcome); `users.is_admin` (the first user to register — on an existing
 * database the oldest account); `outbox_events.request_id`, the request that recorded an event,
 * so the relay's logs name it.
 */
export class Operations1765200000000 implements MigrationInterface {
  name = 'Operations1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Orders runs that started at the same instant (the injected clock may stand still).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        name varchar(64) NOT NULL,
        runner varchar(100) NOT NULL,
        attempt smallint NOT NULL DEFAULT 1 CONSTRAINT job_runs_attempt_check CHECK (attempt > 0),
        status varchar(16) NOT NULL DEFAULT 'running'
          CONSTRAINT job_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        duration_ms integer CONSTRAINT job_runs_duration_check CHECK (duration_ms >= 0),
        counts jsonb NOT NULL DEFAULT '{}'::jsonb,
        error text,
        request_id varchar(64),
        CONSTRAINT job_runs_finished_check CHECK ((status = 'running') = (finished_at IS NULL))
      )`);
    await q.query(`CREATE INDEX job_runs_started_idx ON job_runs (started_at DESC, seq DESC)`);
    await q.query(`ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE users SET is_admin = true
      WHERE id = (SELECT id FROM users ORDER BY created_at, id LIMIT 1)`);
    await q.query(`ALTER TABLE outbox_events ADD COLUMN request_id varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events DROP COLUMN request_id`);
    await q.query(`ALTER TABLE users DROP COLUMN is_admin`);
    await q.query(`DROP TABLE job_runs`);
  }
}

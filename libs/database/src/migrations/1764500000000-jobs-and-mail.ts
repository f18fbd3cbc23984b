import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the scheduled jobs and e-mail flows keep to stay idempotent (SPEC.md §3 "Nudges"). */
export class JobsAndMail1764500000000 implements MigrationInterface {
  name = 'JobsAndMail1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // At most one nudge per habit per local day.
    await q.query(`
      CREATE TABLE nudges (
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        local_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (habit_id, local_date)
      )`);
    // At most one digest e-mail per user per local day.
    await q.query(`
      CREATE TABLE email_digests (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        local_date date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, local_date)
      )`);
    // Single-use password reset links (only their SHA-256 is stored).
    await q.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS password_reset_tokens`);
    await q.query(`DROP TABLE IF EXISTS email_digests`);
    await q.query(`DROP TABLE IF EXISTS nudges`);
  }
}

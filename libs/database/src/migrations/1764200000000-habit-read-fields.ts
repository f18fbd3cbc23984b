import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a habit card shows about "today" is stored beside the statistics (as of `stats_as_of`),
 * so listing habits never reads their logs.
 */
export class HabitReadFields1764200000000 implements MigrationInterface {
  name = 'HabitReadFields1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE habits
        ADD COLUMN next_due_date date,
        ADD COLUMN due_today boolean NOT NULL DEFAULT false,
        ADD COLUMN week_done smallint,
        ADD COLUMN week_quota smallint,
        ADD COLUMN created_on date`);
    // The user's day of creation (a habit's age for suggestions and nudges).
    await q.query(`UPDATE habits SET created_on = start_date WHERE created_on IS NULL`);
    await q.query(`ALTER TABLE habits ALTER COLUMN created_on SET NOT NULL`);
    await q.query(`CREATE INDEX outbox_events_user_seq_idx ON outbox_events (user_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_events_user_seq_idx`);
    await q.query(
      `ALTER TABLE habits DROP COLUMN next_due_date, DROP COLUMN due_today, DROP COLUMN week_done, DROP COLUMN week_quota, DROP COLUMN created_on`,
    );
  }
}

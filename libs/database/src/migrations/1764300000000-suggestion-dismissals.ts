import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dismissed suggestion type stays hidden for a habit until `dismissed_until` (inclusive, the
 * user's local date); dismissing again moves the date. Gone with the habit.
 */
export class SuggestionDismissals1764300000000 implements MigrationInterface {
  name = 'SuggestionDismissals1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE suggestion_dismissals (
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        type varchar(32) NOT NULL
          CHECK (type IN ('reduce_frequency', 'easier_difficulty', 'restart_small', 'level_up')),
        dismissed_until date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (habit_id, type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS suggestion_dismissals`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Habits get a colour (from a fixed palette the web app draws in both themes), an optional
 * emoji icon and a place in the user's list (`position`, 1-based; existing habits keep their
 * creation order). Goals get the limits their form promises: a deadline on or after the start,
 * a link weight of at most 1000 — NOT VALID, so rows written before stay readable; every new
 * write is checked.
 */
export class HabitAppearanceAndOrder1764800000000 implements MigrationInterface {
  name = 'HabitAppearanceAndOrder1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE habits
        ADD COLUMN color varchar(16) NOT NULL DEFAULT 'green'
          CONSTRAINT habits_color_check CHECK (color IN ('green', 'teal', 'blue', 'indigo', 'purple', 'pink', 'red', 'orange', 'amber', 'slate')),
        ADD COLUMN icon varchar(32),
        ADD COLUMN position integer`);
    await q.query(`
      UPDATE habits SET position = ranked.n
      FROM (
        SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS n FROM habits
      ) AS ranked
      WHERE habits.id = ranked.id`);
    // Rows inserted without a place (scripts, raw SQL) take the first one and sort among
    // themselves by creation; the API always gives a new habit the place after the last.
    await q.query(
      `ALTER TABLE habits ALTER COLUMN position SET NOT NULL, ALTER COLUMN position SET DEFAULT 1`,
    );
    await q.query(`ALTER TABLE habits ADD CONSTRAINT habits_position_check CHECK (position > 0)`);
    await q.query(`CREATE INDEX habits_user_position_idx ON habits (user_id, position)`);
    await q.query(`
      ALTER TABLE goals ADD CONSTRAINT goals_deadline_after_start
        CHECK (deadline IS NULL OR deadline >= start_date) NOT VALID`);
    await q.query(`
      ALTER TABLE goal_habits ADD CONSTRAINT goal_habits_weight_max
        CHECK (contribution_weight <= 1000) NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE goal_habits DROP CONSTRAINT IF EXISTS goal_habits_weight_max`);
    await q.query(`ALTER TABLE goals DROP CONSTRAINT IF EXISTS goals_deadline_after_start`);
    await q.query(`DROP INDEX IF EXISTS habits_user_position_idx`);
    await q.query(
      `ALTER TABLE habits DROP COLUMN IF EXISTS position, DROP COLUMN IF EXISTS icon, DROP COLUMN IF EXISTS color`,
    );
  }
}

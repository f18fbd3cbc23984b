import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import and export (SPEC.md §6): `habits.external_id`, the id a habit has in the file it was
 * imported from (Loop Habit Tracker's `uuid`), unique per user, so importing the same file again
 * matches the habits it created instead of adding them twice.
 */
export class HabitExternalId1765600000000 implements MigrationInterface {
  name = 'HabitExternalId1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE habits ADD COLUMN external_id varchar(100)`);
    await q.query(
      `CREATE UNIQUE INDEX habits_user_external_id_key ON habits (user_id, external_id)
       WHERE external_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX habits_user_external_id_key`);
    await q.query(`ALTER TABLE habits DROP COLUMN external_id`);
  }
}

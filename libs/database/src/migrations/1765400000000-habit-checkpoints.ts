import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `habits.checkpoint`: the habit's incremental checkpoint (libs/domain's `HabitCheckpoint`, the
 * history-long folds through a settled day) as JSON, so a write of today's log reads only the
 * logs after it. NULL until the habit's statistics are next recomputed; it is never the only
 * copy of anything (the logs are), so a NULL or stale one only costs a full read.
 */
export class HabitCheckpoints1765400000000 implements MigrationInterface {
  name = 'HabitCheckpoints1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE habits ADD COLUMN checkpoint jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE habits DROP COLUMN checkpoint`);
  }
}

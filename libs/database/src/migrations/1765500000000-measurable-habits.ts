import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurable habits (SPEC.md §6): a habit's `kind` (`check`, every existing habit, or `measure`)
 * with its unit and target; a log's exact `value` (numeric(12,3): at most 3 decimals, never a
 * float); the current period a measurable habit's statistics were computed for (stored like the
 * other statistics); a goal link's `count`; and the `Idempotency-Key`s of log writes (the first
 * answer, kept 24 h, shared by every API process). Check habits and their figures are untouched:
 * every new column defaults to what they already mean.
 */
export class MeasurableHabits1765500000000 implements MigrationInterface {
  name = 'MeasurableHabits1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE habits
        ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'check'
          CONSTRAINT habits_kind_check CHECK (kind IN ('check', 'measure')),
        ADD COLUMN unit varchar(20)
          CONSTRAINT habits_unit_check CHECK (length(btrim(unit)) > 0),
        ADD COLUMN target_type varchar(8)
          CONSTRAINT habits_target_type_check CHECK (target_type IN ('at_least', 'at_most')),
        ADD COLUMN target_value numeric(12, 3)
          CONSTRAINT habits_target_value_check CHECK (target_value >= 0),
        ADD COLUMN target_period varchar(8)
          CONSTRAINT habits_target_period_check CHECK (target_period IN ('day', 'week', 'month')),
        ADD COLUMN period jsonb,
        ADD CONSTRAINT habits_measure_check CHECK (
          (kind = 'check' AND unit IS NULL AND target_type IS NULL AND target_value IS NULL
             AND target_period IS NULL)
          OR (kind = 'measure' AND unit IS NOT NULL AND target_type IS NOT NULL
             AND target_value IS NOT NULL AND target_period IS NOT NULL
             AND (target_type = 'at_most' OR target_value > 0)
             AND frequency <> 'weekly'
             AND (target_period = 'day' OR frequency = 'daily')))`);
    await q.query(`
      ALTER TABLE habit_logs
        ADD COLUMN value numeric(12, 3)
          CONSTRAINT habit_logs_value_check CHECK (value >= 0),
        ADD CONSTRAINT habit_logs_value_status_check CHECK (value IS NULL OR status = 'done')`);
    await q.query(`
      ALTER TABLE goal_habits
        ADD COLUMN count varchar(12) NOT NULL DEFAULT 'completions'
          CONSTRAINT goal_habits_count_check CHECK (count IN ('completions', 'value'))`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key varchar(200) NOT NULL,
        status_code smallint NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`ALTER TABLE goal_habits DROP COLUMN count`);
    await q.query(`ALTER TABLE habit_logs DROP CONSTRAINT habit_logs_value_status_check`);
    await q.query(`ALTER TABLE habit_logs DROP COLUMN value`);
    await q.query(`
      ALTER TABLE habits DROP CONSTRAINT habits_measure_check,
        DROP COLUMN period, DROP COLUMN target_period, DROP COLUMN target_value,
        DROP COLUMN target_type, DROP COLUMN unit, DROP COLUMN kind`);
  }
}

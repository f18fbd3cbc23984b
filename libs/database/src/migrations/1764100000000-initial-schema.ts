import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema. Rules the database can hold are constraints here (SPEC.md §5,
 * STYLE.md 6); SQL kept to what both PostgreSQL 15 and PGlite (PostgreSQL 18) accept.
 */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Instants are stored as timestamptz; the session zone only affects casts, keep it UTC.
    await q.query(
      `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC'); END $$`,
    );

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        hashed_password text NOT NULL,
        full_name varchar(100),
        is_active boolean NOT NULL DEFAULT true,
        timezone varchar(64) NOT NULL DEFAULT 'UTC',
        day_start_hour smallint NOT NULL DEFAULT 0 CHECK (day_start_hour BETWEEN 0 AND 23),
        nudge_hour smallint NOT NULL DEFAULT 19 CHECK (nudge_hour BETWEEN 0 AND 23),
        email_nudges boolean NOT NULL DEFAULT false,
        email_verified_at timestamptz,
        event_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_not_blank CHECK (length(email) > 2)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE habits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
        description varchar(1000),
        frequency varchar(16) NOT NULL CHECK (frequency IN ('daily', 'weekly', 'custom')),
        times_per_week smallint CHECK (times_per_week BETWEEN 1 AND 7),
        days_of_week smallint[],
        interval_days smallint CHECK (interval_days BETWEEN 2 AND 365),
        start_date date NOT NULL,
        difficulty varchar(8) NOT NULL DEFAULT 'medium' CHECK (difficulty IN ('easy', 'medium', 'hard')),
        priority varchar(8) NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high')),
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived', 'at_risk')),
        current_streak integer NOT NULL DEFAULT 0 CHECK (current_streak >= 0),
        longest_streak integer NOT NULL DEFAULT 0 CHECK (longest_streak >= 0),
        total_completions integer NOT NULL DEFAULT 0 CHECK (total_completions >= 0),
        total_skips integer NOT NULL DEFAULT 0 CHECK (total_skips >= 0),
        consistency_score smallint CHECK (consistency_score BETWEEN 0 AND 100),
        failure_rate double precision CHECK (failure_rate BETWEEN 0 AND 1),
        strength double precision NOT NULL DEFAULT 0 CHECK (strength BETWEEN 0 AND 100),
        consecutive_misses integer NOT NULL DEFAULT 0 CHECK (consecutive_misses >= 0),
        last_completed_date date,
        suggested_frequency varchar(64),
        last_risk_alert_date date,
        stats_as_of date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT habits_schedule_shape CHECK (
          (frequency = 'daily' AND times_per_week IS NULL AND days_of_week IS NULL AND interval_days IS NULL)
          OR (frequency = 'weekly' AND times_per_week IS NOT NULL AND days_of_week IS NULL AND interval_days IS NULL)
          OR (frequency = 'custom' AND times_per_week IS NULL AND ((days_of_week IS NULL) <> (interval_days IS NULL)))
        )
      )`);
    await q.query(`CREATE INDEX habits_user_status_idx ON habits (user_id, status)`);

    // Schedule history: each day is judged by the version in force that day (SPEC.md §3).
    await q.query(`
      CREATE TABLE habit_schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        effective_from date NOT NULL,
        frequency varchar(16) NOT NULL CHECK (frequency IN ('daily', 'weekly', 'custom')),
        times_per_week smallint CHECK (times_per_week BETWEEN 1 AND 7),
        days_of_week smallint[],
        interval_days smallint CHECK (interval_days BETWEEN 2 AND 365),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT habit_schedules_habit_day_key UNIQUE (habit_id, effective_from)
      )`);

    await q.query(`
      CREATE TABLE habit_pauses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        from_date date NOT NULL,
        to_date date,
        CONSTRAINT habit_pauses_range CHECK (to_date IS NULL OR to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX habit_pauses_habit_idx ON habit_pauses (habit_id, from_date)`);

    await q.query(`
      CREATE TABLE habit_logs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        log_date date NOT NULL,
        status varchar(8) NOT NULL CHECK (status IN ('done', 'skipped', 'missed')),
        notes varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT habit_logs_habit_date_key UNIQUE (habit_id, log_date)
      )`);

    await q.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
        description varchar(1000),
        target_value double precision NOT NULL CHECK (target_value > 0),
        current_value double precision NOT NULL DEFAULT 0,
        base_value double precision NOT NULL DEFAULT 0 CHECK (base_value >= 0),
        unit varchar(32) NOT NULL CHECK (length(btrim(unit)) > 0),
        start_date date NOT NULL,
        deadline date,
        is_completed boolean NOT NULL DEFAULT false,
        completed_at timestamptz,
        stats_as_of date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX goals_user_idx ON goals (user_id)`);

    await q.query(`
      CREATE TABLE goal_habits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
        habit_id uuid NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
        contribution_weight double precision NOT NULL DEFAULT 1 CHECK (contribution_weight > 0),
        CONSTRAINT goal_habits_goal_habit_key UNIQUE (goal_id, habit_id)
      )`);
    await q.query(`CREATE INDEX goal_habits_habit_idx ON goal_habits (habit_id)`);

    // Refresh tokens are opaque; only their SHA-256 is stored. A family is one sign-in session.
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    // Events recorded in the writing transaction, delivered after commit (transactional outbox).
    await q.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type varchar(32) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT outbox_events_user_seq_key UNIQUE (user_id, seq)
      )`);
    await q.query(
      `CREATE INDEX outbox_events_undelivered_idx ON outbox_events (id) WHERE delivered_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE worker_heartbeats (
        worker_id varchar(100) PRIMARY KEY,
        beat_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'worker_heartbeats',
      'outbox_events',
      'refresh_tokens',
      'goal_habits',
      'goals',
      'habit_logs',
      'habit_pauses',
      'habit_schedules',
      'habits',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

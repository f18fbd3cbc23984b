import type { JobName } from '@app/contracts';
import { queryRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobReport } from './job-handler';

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

export interface JobRun {
  id: string;
  name: JobName;
  runner: string;
  attempt: number;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  counts: JobReport;
  error: string | null;
  requestId: string | null;
}

interface JobRunRow {
  id: string;
  name: JobName;
  runner: string;
  attempt: number;
  status: JobRunStatus;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  counts: JobReport;
  error: string | null;
  request_id: string | null;
}

const COLUMNS =
  'id, name, runner, attempt, status, started_at, finished_at, duration_ms, counts, error, request_id';

function toJobRun(row: JobRunRow): JobRun {
  return {
    id: row.id,
    name: row.name,
    runner: row.runner,
    attempt: row.attempt,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    counts: row.counts,
    error: row.error,
    requestId: row.request_id,
  };
}

/** The queries on `job_runs`: one row per run of a scheduled job, whoever ran it. */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(run: {
    id: string;
    name: JobName;
    runner: string;
    attempt: number;
    startedAt: Date;
    requestId: string | null;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO job_runs (id, name, runner, attempt, started_at, request_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [run.id, run.name, run.runner, run.attempt, run.startedAt, run.requestId],
    );
  }

  async finish(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      finishedAt: Date;
      durationMs: number;
      counts: JobReport;
      error: string | null;
    },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_runs SET status = $2, finished_at = $3, duration_ms = $4, counts = $5::jsonb, error = $6
       WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.finishedAt,
        outcome.durationMs,
        JSON.stringify(outcome.counts),
        outcome.error,
      ],
    );
  }

  /** Closes runs left `running` (their process stopped mid-run) as failed; returns how many. */
  async failRunning(finishedAt: Date, error: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE job_runs SET status = 'failed', finished_at = $1, error = $2
       WHERE status = 'running' RETURNING id`,
      [finishedAt, error],
    );
    return rows.length;
  }

  /** The newest runs first. */
  async recent(limit: number): Promise<JobRun[]> {
    const rows = await queryRows<JobRunRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM job_runs ORDER BY started_at DESC, seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toJobRun);
  }

  /** Forgets runs started before `cutoff`; returns how many. */
  async deleteStartedBefore(cutoff: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      'DELETE FROM job_runs WHERE started_at < $1 RETURNING id',
      [cutoff],
    );
    return rows.length;
  }
}

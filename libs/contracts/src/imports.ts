/** The file kinds `POST /api/imports` reads. */
export type ImportSourceKind =
  'habit_tracker_json' | 'habit_tracker_csv' | 'loop_sqlite' | 'loop_csv';

/** What an import added (or, as a dry run, would add). */
export interface ImportSummary {
  source: ImportSourceKind;
  habitsCreated: number;
  /** Habits the file names that the account already has (matched by their external id). */
  habitsMatched: number;
  habitsSkipped: number;
  logsCreated: number;
  goalsCreated: number;
}

/**
 * `import_progress`, sent over the socket while a large import runs (not stored, no `seq`):
 * `writing` counts the logs written so far, `computing` follows once they all are.
 */
export interface ImportProgress {
  phase: 'writing' | 'computing';
  done: number;
  total: number;
}

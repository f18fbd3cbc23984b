/** Every scheduled job and its payload: one typed union (the worker refuses to start if one has no handler). */
export interface JobPayloads {
  /** Recompute the statistics of users whose day started since their last recomputation. */
  day_rollover: Record<string, never>;
  /** Re-evaluate risk for every active habit, in bounded batches; writes only what changed. */
  risk_detection: Record<string, never>;
  /** Nudge habits at the users' nudge hour; one digest e-mail per opted-in user per day. */
  nudges: Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['day_rollover', 'risk_detection', 'nudges'];

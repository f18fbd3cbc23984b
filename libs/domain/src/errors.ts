// Coded domain errors: the API maps `code` to its error response in one global filter.
export type DomainErrorCode =
  | 'INVALID_LOCAL_DATE'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_DAY_START_HOUR'
  | 'FREQUENCY_INVALID'
  | 'TIMES_PER_WEEK_INVALID'
  | 'TIMES_PER_WEEK_NOT_ALLOWED'
  | 'DAYS_OF_WEEK_INVALID'
  | 'DAYS_OF_WEEK_NOT_ALLOWED'
  | 'INTERVAL_DAYS_INVALID'
  | 'INTERVAL_DAYS_NOT_ALLOWED'
  | 'CUSTOM_SCHEDULE_AMBIGUOUS'
  | 'PAUSE_PERIOD_INVALID'
  | 'TOO_MANY_PAUSE_PERIODS'
  | 'STATUS_NOT_SETTABLE'
  // Measurable habits (SPEC §6).
  | 'KIND_INVALID'
  | 'UNIT_INVALID'
  | 'UNIT_NOT_ALLOWED'
  | 'TARGET_INVALID'
  | 'TARGET_NOT_ALLOWED'
  | 'TARGET_TYPE_INVALID'
  | 'TARGET_VALUE_INVALID'
  | 'TARGET_PERIOD_INVALID'
  | 'TARGET_PERIOD_NEEDS_DAILY'
  | 'MEASURE_WEEKLY_NOT_ALLOWED'
  | 'LOG_VALUE_INVALID'
  | 'LOG_VALUE_NOT_ALLOWED'
  | 'LOG_VALUE_REQUIRED'
  | 'LOG_VALUE_CONFLICT'
  | 'LOG_STATUS_NOT_ALLOWED'
  | 'LOG_ADD_INVALID'
  | 'GOAL_COUNT_INVALID'
  | 'GOAL_COUNT_NEEDS_MEASURE';

/** One broken rule about one input field (`path` as in the request body, e.g. `daysOfWeek[1]`). */
export interface FieldError {
  code: DomainErrorCode;
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

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
  | 'STATUS_NOT_SETTABLE';

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

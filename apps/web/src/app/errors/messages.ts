/**
 * Every error code the API can answer with, in the app's words: the one map. Server messages
 * are written for developers and never reach a person. A test (test/unit/web-error-messages)
 * fails when the server gains a code this file does not cover.
 */

/** Top-level `code`s of error responses. */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  // Input and requests
  VALIDATION_FAILED: 'Please correct the highlighted fields.',
  BAD_REQUEST: 'Some of what was sent is not valid.',
  MALFORMED_JSON: 'Some of what was sent is not valid.',
  INVALID_INPUT: 'Some of what was sent is not valid.',
  INVALID_ID: 'That item does not exist.',
  INVALID_RANGE: 'The start of the period must come before its end.',
  RANGE_TOO_LONG: 'That period is too long to show at once.',
  CONSTRAINT_VIOLATED: 'One of the values is not allowed.',
  PAYLOAD_TOO_LARGE: 'That is too much text to send at once.',
  BODY_TOO_DEEP: 'Some of what was sent is not valid.',
  ARRAY_TOO_LONG: 'That is too many items to send at once.',
  INVALID_CHARACTER: 'Some of what was sent contains a character that is not allowed.',
  UNSUPPORTED_MEDIA_TYPE: 'Some of what was sent is not valid.',
  METHOD_NOT_ALLOWED: 'That cannot be done here.',
  HTTP_ERROR: 'Something went wrong. Try again.',
  NOT_FOUND: 'That item no longer exists.',
  FORBIDDEN: 'That is not allowed.',
  CONFLICT: 'That changed in the meantime. Refresh and try again.',
  DUPLICATE: 'That already exists.',
  CONCURRENT_UPDATE: 'That changed at the same moment elsewhere. Try again.',
  UNPROCESSABLE: 'That cannot be done.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  INTERNAL_ERROR: 'Something went wrong on the server. Try again.',
  SERVICE_UNAVAILABLE: 'The server is busy or starting up. Try again in a moment.',
  DATABASE_UNAVAILABLE: 'The server is busy or starting up. Try again in a moment.',
  DATABASE_BUSY: 'Another change of yours is still being saved. Try again in a moment.',

  // Signing in and sessions
  UNAUTHORIZED: 'Please sign in to continue.',
  INVALID_CREDENTIALS: 'That e-mail and password do not match an account.',
  EMAIL_TAKEN: 'An account with this e-mail already exists. Sign in instead?',
  REGISTRATION_CLOSED: 'This server is not accepting new accounts.',
  TOKEN_MISSING: 'Your session has ended. Sign in again to continue.',
  TOKEN_INVALID: 'Your session has ended. Sign in again to continue.',
  TOKEN_EXPIRED: 'Your session has ended. Sign in again to continue.',
  TOKEN_REVOKED: 'You were signed out. Sign in again to continue.',
  REFRESH_TOKEN_MISSING: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_INVALID: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_EXPIRED: 'Your session has ended. Sign in again to continue.',
  REFRESH_TOKEN_REUSED: 'Your session was ended for safety. Sign in again to continue.',
  CSRF_HEADER_MISSING: 'Your session could not be renewed. Sign in again to continue.',

  // The account
  PASSWORD_INCORRECT: 'That is not your current password.',
  EMAIL_NOT_CONFIGURED: 'This server cannot send e-mail.',
  EMAIL_ALREADY_VERIFIED: 'Your e-mail address is already verified.',
  RESET_TOKEN_INVALID: 'This reset link is invalid or has expired. Ask for a new one.',
  VERIFICATION_TOKEN_INVALID: 'This verification link is invalid or has expired.',
  UNSUBSCRIBE_TOKEN_INVALID: 'This unsubscribe link is invalid.',
  INVALID_TIME_ZONE: 'That time zone is not recognised. Pick one from the list.',
  INVALID_DAY_START_HOUR: 'Pick an hour from the list.',

  // Habits and logs
  HABIT_NOT_FOUND: 'That habit no longer exists.',
  HABIT_LIMIT_REACHED: 'You have 500 habits, the most there can be. Archive or delete one first.',
  START_DATE_AFTER_FIRST_LOG: 'The start date cannot be after the first logged day.',
  START_DATE_TOO_FAR: 'The start date can be at most a year from today.',
  INVALID_LOCAL_DATE: 'Enter a real date.',
  FREQUENCY_INVALID: 'Choose how often the habit is due.',
  TIMES_PER_WEEK_INVALID: 'Choose 1 to 7 times a week.',
  TIMES_PER_WEEK_NOT_ALLOWED: 'Times a week only goes with a weekly habit.',
  DAYS_OF_WEEK_INVALID: 'Tick at least one day.',
  DAYS_OF_WEEK_NOT_ALLOWED: 'Days only go with a habit on chosen days.',
  INTERVAL_DAYS_INVALID: 'Choose every 2 to 365 days.',
  INTERVAL_DAYS_NOT_ALLOWED: 'An interval only goes with an every-N-days habit.',
  CUSTOM_SCHEDULE_AMBIGUOUS: 'Choose either days of the week or every N days, not both.',
  PAUSE_PERIOD_INVALID: 'A pause must end on or after the day it starts.',
  TOO_MANY_PAUSE_PERIODS: 'A habit can have at most 100 pauses.',
  STATUS_NOT_SETTABLE: 'That status cannot be chosen.',
  LOG_NOT_FOUND: 'That log no longer exists.',
  LOG_DATE_IN_FUTURE: 'You cannot log a day that has not started yet.',
  LOG_DATE_BEFORE_START: 'That day is before the habit started.',
  // Measured habits
  KIND_INVALID: 'Choose whether the habit is ticked off or measured.',
  UNIT_INVALID: 'Give a unit of 1 to 20 characters, such as glasses or km.',
  UNIT_NOT_ALLOWED: 'A unit only goes with a measured habit.',
  TARGET_INVALID: 'Set a target: at least or at most, an amount, and a day, week or month.',
  TARGET_NOT_ALLOWED: 'A target only goes with a measured habit.',
  TARGET_TYPE_INVALID: 'Choose at least or at most.',
  TARGET_VALUE_INVALID: 'Enter an amount with at most 3 decimals, above 0 (at most: 0 or more).',
  TARGET_PERIOD_INVALID: 'Choose a day, a week or a month.',
  TARGET_PERIOD_NEEDS_DAILY: 'A week or month target needs a habit that can count every day.',
  MEASURE_WEEKLY_NOT_ALLOWED: 'A measured habit cannot be weekly: give it a week target instead.',
  LOG_VALUE_INVALID: 'Enter an amount of 0 or more, with at most 3 decimals.',
  LOG_VALUE_NOT_ALLOWED: 'This habit is ticked off, not measured.',
  LOG_VALUE_REQUIRED: 'Enter an amount, or skip the day.',
  LOG_VALUE_CONFLICT: 'Enter an amount, add to it, or skip the day: one at a time.',
  LOG_STATUS_NOT_ALLOWED: 'A measured habit takes an amount, not done or missed.',
  LOG_ADD_INVALID: 'Add an amount above 0, with at most 3 decimals.',
  GOAL_COUNT_INVALID: 'Choose whether the goal counts completions or amounts.',
  GOAL_COUNT_NEEDS_MEASURE: 'Only a measured habit can add its amounts to a goal.',
  LOG_VALUE_TOO_LARGE: 'That would make the day’s amount too large to store.',
  HABIT_KIND_LOCKED: 'A habit with logged days stays ticked off or measured: create a new habit.',
  HABIT_NOT_MEASURABLE: 'Only a measured habit has amounts to chart.',
  IDEMPOTENCY_KEY_INVALID: 'The app sent a malformed request. Reload the page and try again.',

  // Goals and suggestions
  GOAL_NOT_FOUND: 'That goal no longer exists.',
  GOAL_LIMIT_REACHED: 'You have 200 goals, the most there can be. Delete one first.',

  // Import and export
  IMPORT_FILE_MISSING: 'Choose a file to import.',
  IMPORT_FILE_TOO_LARGE: 'That file is larger than 20 MB, too large to import.',
  IMPORT_FORMAT_UNKNOWN:
    'That file is not one this app reads: choose a Habit Tracker export (.json), a Loop Habit Tracker backup (.db) or a Loop CSV export (.zip).',
  IMPORT_MALFORMED: 'That file is damaged or incomplete, so nothing was imported.',
  IMPORT_VERSION_UNSUPPORTED:
    'That file comes from a newer version of the app that made it, so it cannot be read yet.',
  IMPORT_ZIP_TOO_LARGE: 'That zip unpacks to more than 100 MB, too large to import.',
  IMPORT_ZIP_TOO_MANY_ENTRIES: 'That zip holds more than 10,000 files, too many to import.',
  IMPORT_TOO_MANY_ROWS: 'That file holds more than can be imported at once.',
  IMPORT_LIMIT_REACHED:
    'Importing that file would go past 500 habits or 200 goals. Delete some first.',
  MULTIPART_INVALID: 'The file could not be uploaded. Try again.',
  GOAL_DEADLINE_BEFORE_START: 'The deadline cannot be before the goal starts counting.',
  HABIT_LINKED_TWICE: 'Each habit can be linked once.',
  SUGGESTION_STALE: 'That suggestion no longer applies.',
  SUGGESTION_DISMISSED: 'That suggestion no longer applies.',
  SUGGESTION_NOT_APPLICABLE: 'That suggestion cannot be applied to this habit.',
};

/**
 * Field codes (`details.fields[].code`): by `path:code` for a field whose rule needs its own
 * words, else by code alone.
 */
export const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  'email:IS_EMAIL': 'Enter an e-mail address like name@example.com.',
  'email:MAX_LENGTH': 'That e-mail address is too long.',
  'password:IS_LENGTH': 'Use 8 to 128 characters.',
  'newPassword:IS_LENGTH': 'Use 8 to 128 characters.',
  'currentPassword:IS_DEFINED': 'Enter your current password.',
  'name:MIN_LENGTH': 'Give it a name.',
  'name:MAX_LENGTH': 'Keep the name to 100 characters.',
  'fullName:MAX_LENGTH': 'Keep the name to 100 characters.',
  'description:MAX_LENGTH': 'Keep the description to 1000 characters.',
  'notes:MAX_LENGTH': 'Keep the notes to 1000 characters.',
  'unit:MIN_LENGTH': 'Say what is counted, e.g. “runs”.',
  'unit:MAX_LENGTH': 'Keep the unit to 32 characters.',
  'targetValue:IS_POSITIVE': 'The target must be above 0.',
  'targetValue:MAX': 'The target can be at most 1,000,000,000.',
  'baseValue:MIN': 'Cannot be negative.',
  'contributionWeight:MAX': 'A done day can count at most 1000.',
  'contributionWeight:IS_POSITIVE': 'A done day must count more than 0.',
  'baseValue:MAX': 'Can be at most 1,000,000,000.',
  'timezone:INVALID_TIME_ZONE': 'That time zone is not recognised. Pick one from the list.',
  'timesPerWeek:IS_INT': 'Choose 1 to 7 times a week.',
  'intervalDays:IS_INT': 'Choose every 2 to 365 days.',
  'habitIds:ARRAY_UNIQUE': 'Each habit can be listed once.',

  IS_EMAIL: 'Enter an e-mail address like name@example.com.',
  IS_LENGTH: 'This is too short or too long.',
  MIN_LENGTH: 'This cannot be empty.',
  MAX_LENGTH: 'This is too long.',
  IS_STRING: 'Enter some text.',
  IS_NOT_EMPTY: 'This cannot be empty.',
  IS_DEFINED: 'This is needed.',
  IS_INT: 'Enter a whole number.',
  IS_NUMBER: 'Enter a number.',
  IS_OBJECT: 'Fill in every part of this field.',
  IS_POSITIVE: 'Enter a number above 0.',
  MIN: 'This number is too small.',
  MAX: 'This number is too large.',
  IS_IN: 'Pick one of the choices.',
  IS_BOOLEAN: 'Choose yes or no.',
  IS_ARRAY: 'Some of what was sent is not valid.',
  ARRAY_MAX_SIZE: 'That is too many.',
  ARRAY_MIN_SIZE: 'Choose at least one.',
  ARRAY_UNIQUE: 'Each can be chosen once.',
  IS_UUID: 'That item does not exist.',
  IS_LOCAL_DATE: 'Enter a real date.',
  IS_EMOJI: 'Choose one emoji.',
  NESTED_VALIDATION: 'Some of what was sent is not valid.',
  UNKNOWN_FIELD: 'This is not part of the form.',
  // Domain rules that name a field.
  INVALID_LOCAL_DATE: 'Enter a real date.',
  INVALID_TIME_ZONE: 'That time zone is not recognised. Pick one from the list.',
  INVALID_DAY_START_HOUR: 'Pick an hour from the list.',
  FREQUENCY_INVALID: 'Choose how often the habit is due.',
  TIMES_PER_WEEK_INVALID: 'Choose 1 to 7 times a week.',
  TIMES_PER_WEEK_NOT_ALLOWED: 'Times a week only goes with a weekly habit.',
  DAYS_OF_WEEK_INVALID: 'Tick at least one day, each once.',
  DAYS_OF_WEEK_NOT_ALLOWED: 'Days only go with a habit on chosen days.',
  INTERVAL_DAYS_INVALID: 'Choose every 2 to 365 days.',
  INTERVAL_DAYS_NOT_ALLOWED: 'An interval only goes with an every-N-days habit.',
  CUSTOM_SCHEDULE_AMBIGUOUS: 'Choose either days of the week or every N days, not both.',
  PAUSE_PERIOD_INVALID: 'A pause must end on or after the day it starts.',
  TOO_MANY_PAUSE_PERIODS: 'A habit can have at most 100 pauses.',
  STATUS_NOT_SETTABLE: 'That status cannot be chosen.',
  START_DATE_TOO_FAR: 'The start date can be at most a year from today.',
  GOAL_DEADLINE_BEFORE_START: 'The deadline cannot be before the goal starts counting.',
  HABIT_LINKED_TWICE: 'Each habit can be linked once.',
  KIND_INVALID: 'Choose whether the habit is ticked off or measured.',
  UNIT_INVALID: 'Give a unit of 1 to 20 characters, such as glasses or km.',
  UNIT_NOT_ALLOWED: 'A unit only goes with a measured habit.',
  TARGET_INVALID: 'Set a target: at least or at most, an amount, and a day, week or month.',
  TARGET_NOT_ALLOWED: 'A target only goes with a measured habit.',
  TARGET_TYPE_INVALID: 'Choose at least or at most.',
  TARGET_VALUE_INVALID: 'Enter an amount with at most 3 decimals, above 0 (at most: 0 or more).',
  TARGET_PERIOD_INVALID: 'Choose a day, a week or a month.',
  TARGET_PERIOD_NEEDS_DAILY: 'A week or month target needs a habit that can count every day.',
  MEASURE_WEEKLY_NOT_ALLOWED: 'A measured habit cannot be weekly: give it a week target instead.',
  LOG_VALUE_INVALID: 'Enter an amount of 0 or more, with at most 3 decimals.',
  LOG_VALUE_NOT_ALLOWED: 'This habit is ticked off, not measured.',
  LOG_VALUE_REQUIRED: 'Enter an amount, or skip the day.',
  LOG_VALUE_CONFLICT: 'Enter an amount, add to it, or skip the day: one at a time.',
  LOG_STATUS_NOT_ALLOWED: 'A measured habit takes an amount, not done or missed.',
  LOG_ADD_INVALID: 'Add an amount above 0, with at most 3 decimals.',
  GOAL_COUNT_INVALID: 'Choose whether the goal counts completions or amounts.',
  GOAL_COUNT_NEEDS_MEASURE: 'Only a measured habit can add its amounts to a goal.',
};

/** Whatever the code, a person reads something that helps. */
export const FALLBACK_FIELD_MESSAGE = 'Check this value.';

/** `habits[0].contributionWeight` → `contributionWeight`: field words do not depend on the index. */
function fieldName(path: string): string {
  const last = path.split('.').at(-1) ?? path;
  return last.replace(/\[\d+\]$/, '');
}

export function fieldMessage(path: string, code: string | undefined): string {
  if (!code) return FALLBACK_FIELD_MESSAGE;
  return (
    FIELD_MESSAGES[`${fieldName(path)}:${code}`] ?? FIELD_MESSAGES[code] ?? FALLBACK_FIELD_MESSAGE
  );
}

/** Limits against oversized and hostile files (SPEC.md §6 "Import and export"), checked before any work. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A zip whose entries would inflate to more than this is refused (zip bomb). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** A zip with more entries than this is refused. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Rows an import may bring (logs of all habits together; habits and goals have the account caps). */
export const MAX_IMPORT_LOGS = 500_000;
export const MAX_IMPORT_HABITS = 500;
export const MAX_IMPORT_GOALS = 200;
/** The newest Loop Habit Tracker backup schema we read (`PRAGMA user_version`). */
export const MAX_LOOP_USER_VERSION = 25;
/** Notes longer than this are cut (SPEC.md §3 "Logs"). */
export const MAX_NOTES_LENGTH = 1000;
export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 1000;

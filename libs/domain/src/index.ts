// The habit engine: pure functions over dates, schedules and logs (see SPEC.md §3).
// Plain data in, plain data out; no framework, database or I/O.

export * from './errors';

// Calendar: LocalDate math (zone-free) and the user's day of an instant.
export * from './calendar/local-date';
export * from './calendar/time-zone';

// Schedules, pause periods and the client-settable status.
export * from './schedule/schedule';
export * from './schedule/pauses';

// The habit engine: pure functions over dates, schedules and logs (see SPEC.md §3).
export {};

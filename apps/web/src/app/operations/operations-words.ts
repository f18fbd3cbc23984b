/** Words for the operations page: job names, durations, counts, ages. Pure, unit-tested. */

const JOB_LABELS: Record<string, string> = {
  day_rollover: 'Day rollover',
  risk_detection: 'Risk detection',
  nudges: 'Nudges',
};

const COUNT_LABELS: Record<string, [string, string]> = {
  users: ['user', 'users'],
  habitsChanged: ['habit changed', 'habits changed'],
  nudged: ['nudge', 'nudges'],
  emails: ['e-mail', 'e-mails'],
};

export function jobLabel(name: string): string {
  return JOB_LABELS[name] ?? name.replace(/_/g, ' ');
}

/** 850 → "850 ms", 12_300 → "12.3 s", 125_000 → "2 min 5 s"; null while running. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** `{users: 3, habitsChanged: 1}` → "3 users · 1 habit changed"; `{}` → "nothing to do". */
export function formatCounts(counts: Record<string, number>): string {
  // In a fixed order (the database keeps JSON keys in its own), unknown keys last.
  const known = Object.keys(COUNT_LABELS);
  const rank = (key: string) => (known.includes(key) ? known.indexOf(key) : known.length);
  const entries = Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b));
  const parts = entries.map(([key, value]) => {
    const [one, many] = COUNT_LABELS[key] ?? [key, key];
    return `${value} ${value === 1 ? one : many}`;
  });
  return parts.length === 0 ? 'nothing to do' : parts.join(' · ');
}

/** Seconds → "now", "45 s", "3 min", "2 h 5 min", "3 d". */
export function formatAge(seconds: number): string {
  if (seconds < 1) return 'now';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${Math.floor(seconds / 86_400)} d`;
}

/** An instant as the viewer's local date and time, e.g. "2 Mar, 10:00". */
export function formatInstant(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

import type { ImportSummaryDto } from '@habit-tracker/api-client';

const SOURCES: Record<ImportSummaryDto['source'], string> = {
  habit_tracker_json: 'a Habit Tracker export',
  habit_tracker_csv: 'a Habit Tracker CSV export',
  loop_sqlite: 'a Loop Habit Tracker backup',
  loop_csv: 'a Loop Habit Tracker CSV export',
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What kind of file an import read, in words. */
export function importSourceName(source: ImportSummaryDto['source']): string {
  return SOURCES[source];
}

/** An import's (or a dry run's) counts as one sentence: "4 new habits, 13 logs, 1 habit left out." */
export function importSummaryLine(summary: ImportSummaryDto): string {
  const { habitsCreated, habitsMatched, habitsSkipped, logsCreated, goalsCreated } = summary;
  const parts = [count(habitsCreated, 'new habit'), count(logsCreated, 'log')];
  if (goalsCreated > 0) parts.push(count(goalsCreated, 'goal'));
  if (habitsMatched > 0) parts.push(`${count(habitsMatched, 'habit')} you already have`);
  if (habitsSkipped > 0) parts.push(`${count(habitsSkipped, 'habit')} left out`);
  return `${parts.join(', ')}.`;
}

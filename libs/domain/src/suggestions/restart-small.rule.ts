import { Suggestion, SuggestionContext } from './suggestion';

/** restart_small (longest streak ≥ 7, current 0): easy difficulty, or a message only if already easy. */
export function restartSmallRule({ stats, history }: SuggestionContext): Suggestion | null {
  if (stats.longestStreak < 7 || stats.currentStreak !== 0) return null;
  const unit = `${stats.streakUnit}s`;
  const message = `You once kept this up for ${stats.longestStreak} ${unit}. Restart small`;
  return history.difficulty === 'easy'
    ? { type: 'restart_small', message: `${message}: one easy step today.`, change: null }
    : {
        type: 'restart_small',
        message: `${message}: switch to easy for now.`,
        change: { difficulty: 'easy' },
      };
}

import { DIFFICULTY_ORDER, Suggestion, SuggestionContext } from './suggestion';

/** easier_difficulty (consistency < 30, not already easy): one difficulty step down. */
export function easierDifficultyRule({ stats, history }: SuggestionContext): Suggestion | null {
  if (stats.consistencyScore === null || stats.consistencyScore >= 30) return null;
  const index = DIFFICULTY_ORDER.indexOf(history.difficulty);
  if (index <= 0) return null;
  const difficulty = DIFFICULTY_ORDER[index - 1];
  return {
    type: 'easier_difficulty',
    message: `Consistency is ${stats.consistencyScore}%: make it ${difficulty} to get going again.`,
    change: { difficulty },
  };
}

import { importSummaryLine } from './import-summary';

describe('importSummaryLine', () => {
  it('names what an import brings, leaving out what is zero', () => {
    const base = {
      source: 'loop_sqlite' as const,
      habitsCreated: 1,
      habitsMatched: 0,
      habitsSkipped: 0,
      logsCreated: 0,
      goalsCreated: 0,
    };
    expect(importSummaryLine(base)).toBe('1 new habit, 0 logs.');
    expect(
      importSummaryLine({
        ...base,
        habitsCreated: 0,
        habitsMatched: 4,
        habitsSkipped: 1,
        logsCreated: 1,
        goalsCreated: 2,
      }),
    ).toBe('0 new habits, 1 log, 2 goals, 4 habits you already have, 1 habit left out.');
  });
});

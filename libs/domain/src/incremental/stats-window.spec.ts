import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { computeHabitStats } from '../stats/habit-stats';
import { heatmap } from '../stats/heatmap';
import { evaluateSuggestions } from '../suggestions/evaluate-suggestions';
import { historyArb, propertySettings, SPAN_DAYS } from '../testing/habit-arbitraries';
import { daily, habit, logsFrom } from '../testing/habit-fixtures';
import { checkpointHabit, statsFromCheckpoint } from './habit-checkpoint';
import {
  CHECK_STATS_WINDOW_DAYS,
  logsNeededFrom,
  statsWindowStart,
  withLogsFrom,
} from './stats-window';

describe('the logs a write reads besides a checkpoint', () => {
  it('starts 41 days before today for a check habit, and is unbounded for a measurable one', () => {
    expect(CHECK_STATS_WINDOW_DAYS).toBe(42);
    expect(statsWindowStart({}, '2026-03-31')).toBe('2026-02-18');
    expect(statsWindowStart({ kind: 'check' }, '2026-03-01')).toBe('2026-01-19');
    expect(statsWindowStart({ kind: 'measure' }, '2026-03-31')).toBeNull();
  });

  it("reaches 6 days before the checkpoint's next day when that is earlier", () => {
    expect(logsNeededFrom({}, '2026-03-30', '2026-03-31')).toBe('2026-02-18');
    expect(logsNeededFrom({}, '2026-01-31', '2026-03-31')).toBe('2026-01-25');
    expect(logsNeededFrom({ kind: 'measure' }, '2026-03-30', '2026-03-31')).toBeNull();
  });

  it('withLogsFrom keeps the logs on and after the day', () => {
    const h = habit({
      start: '2026-03-02',
      schedules: [daily('2026-03-02')],
      logs: logsFrom('2026-03-02', 'DSD'),
    });
    expect(withLogsFrom(h, '2026-03-03').logs).toEqual([
      { date: '2026-03-03', status: 'skipped' },
      { date: '2026-03-04', status: 'done' },
    ]);
  });

  it('a checkpoint plus the logs from the fold look-back and the window give the full statistics, suggestions and recent days', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 0, max: SPAN_DAYS + 30 }),
        fc.integer({ min: 1, max: 60 }),
        (history, todayOffset, age) => {
          const today = addDays(history.startDate, todayOffset);
          const through = addDays(today, -age);
          const checkpoint = checkpointHabit(history, through);
          const from = logsNeededFrom(history, through, today)!;
          const partial = withLogsFrom(history, from);
          const full = computeHabitStats(history, today);
          const stats = statsFromCheckpoint(checkpoint, partial, today);
          expect(stats).toEqual(full);
          expect(evaluateSuggestions(partial, today, stats)).toEqual(
            evaluateSuggestions(history, today, full),
          );
          const recentFrom = addDays(today, -6);
          expect(heatmap(partial, today, recentFrom, today)).toEqual(
            heatmap(history, today, recentFrom, today),
          );
        },
      ),
      propertySettings('checkpoint + window = full history'),
    );
  });
});

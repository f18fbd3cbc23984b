import fc from 'fast-check';
import { addDays, LocalDate } from '../calendar/local-date';
import { HabitHistory } from '../habit/habit-history';
import {
  advanceCheckpoint,
  checkpointHabit,
  HabitCheckpoint,
  invalidateCheckpoint,
  statsFromCheckpoint,
} from '../incremental/habit-checkpoint';
import { isNudgeDue } from '../nudges/nudge-rule';
import { applyStatusChange, mergePauses, UserStatus } from '../schedule/pauses';
import { Schedule } from '../schedule/schedule';
import { consistencyAsOf, monthlyTotals, weeklyTotals } from '../stats/aggregates';
import { computeHabitStats, HabitStats } from '../stats/habit-stats';
import { heatmap } from '../stats/heatmap';
import { evaluateSuggestions } from '../suggestions/evaluate-suggestions';
import {
  historyArb,
  measureHistoryArb,
  measureLogOn,
  measureScheduleArb,
  measureValueArb,
  propertySettings,
  SPAN_DAYS,
  withMeasureLog,
} from '../testing/habit-arbitraries';
import { completionDates, goalLinkAmount } from './goal-contribution';
import { addMeasureValues } from './measure-value';

// A write to a measurable habit as the services would make it, with the first day it changes.
type Op =
  | { kind: 'advance'; days: number }
  | { kind: 'zone'; shift: number }
  | { kind: 'set'; back: number; value: number }
  | { kind: 'add'; back: number; value: number }
  | { kind: 'skip'; back: number }
  | { kind: 'delete'; back: number }
  | { kind: 'schedule'; schedule: Schedule }
  | { kind: 'status'; status: UserStatus }
  | { kind: 'pause'; back: number; length: number }
  | { kind: 'startEarlier'; days: number }
  | { kind: 'target'; value: number; flip: boolean };

const backArb = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 40 }));

const opArb = (history: HabitHistory): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('zone' as const), shift: fc.constantFrom(-1, 1) }),
    fc.record({ kind: fc.constant('set' as const), back: backArb, value: measureValueArb }),
    fc.record({ kind: fc.constant('add' as const), back: backArb, value: measureValueArb }),
    fc.record({ kind: fc.constant('skip' as const), back: backArb }),
    fc.record({ kind: fc.constant('delete' as const), back: fc.integer({ min: 0, max: 30 }) }),
    fc.record({
      kind: fc.constant('schedule' as const),
      schedule: measureScheduleArb(history.target!.period),
    }),
    fc.record({
      kind: fc.constant('status' as const),
      status: fc.constantFrom<UserStatus>('active', 'paused', 'archived'),
    }),
    fc.record({
      kind: fc.constant('pause' as const),
      back: fc.integer({ min: 1, max: 20 }),
      length: fc.integer({ min: 0, max: 6 }),
    }),
    fc.record({
      kind: fc.constant('startEarlier' as const),
      days: fc.integer({ min: 1, max: 10 }),
    }),
    fc.record({
      kind: fc.constant('target' as const),
      value: fc.integer({ min: 1, max: 40 }),
      flip: fc.boolean(),
    }),
  );

/** Applies a write; returns the new history, today, and the first day it changed (or null). */
function applyOp(
  history: HabitHistory,
  today: LocalDate,
  op: Op,
): [HabitHistory, LocalDate, LocalDate | null] {
  const date = 'back' in op ? addDays(today, -op.back) : today;
  switch (op.kind) {
    case 'advance':
      return [history, addDays(today, op.days), null];
    case 'zone':
      return [history, addDays(today, op.shift), null];
    case 'set':
    case 'add':
    case 'skip': {
      if (date < history.startDate) return [history, today, null];
      const current = measureLogOn(history, date);
      const entry =
        op.kind === 'skip'
          ? 'S'
          : op.kind === 'set'
            ? op.value
            : addMeasureValues(typeof current === 'number' ? current : null, op.value)!;
      return [withMeasureLog(history, date, entry), today, date];
    }
    case 'delete':
      return [withMeasureLog(history, date, null), today, date];
    case 'schedule': {
      // Recorded as the services do: effective today, replacing an edit made earlier today.
      const kept = history.schedules.filter((version) => version.effectiveFrom !== today);
      const becomesFirst = kept.every((version) => version.effectiveFrom > today);
      const schedules = [...kept, { ...op.schedule, effectiveFrom: today }];
      const changedFrom = becomesFirst && history.startDate < today ? history.startDate : today;
      return [{ ...history, schedules }, today, changedFrom];
    }
    case 'status': {
      const pauses = applyStatusChange(history.pauses, history.userStatus, op.status, today);
      return [{ ...history, pauses, userStatus: op.status }, today, today];
    }
    case 'pause': {
      const pauses = mergePauses([...history.pauses, { from: date, to: addDays(date, op.length) }]);
      return [{ ...history, pauses }, today, date];
    }
    case 'startEarlier': {
      const startDate = addDays(history.startDate, -op.days);
      return [{ ...history, startDate }, today, startDate];
    }
    case 'target': {
      // A target edit re-judges the whole history: the checkpoint refolds from startDate.
      const old = history.target!;
      const type = op.flip ? (old.type === 'at_least' ? 'at_most' : 'at_least') : old.type;
      const target = { ...old, type, value: op.value / 2 };
      return [{ ...history, target }, today, history.startDate];
    }
  }
}

const dayIn = (history: HabitHistory, offset: number): LocalDate =>
  addDays(history.startDate, offset);

/**
 * The figures an added value may only raise (at_least) or only lower (at_most), each oriented
 * so that higher is better. A null consistency (nothing judged yet) is the worst for at_least
 * (it can only become a number by a met period) and the best for at_most (only by a failed
 * one). Left out for at_most: strength (a value that turns a pending today into a failed one
 * adds an update with partial credit, which raises a score below that credit) and completions
 * (a value within the limit on a non-due day is a met day, where nothing was judged before).
 */
function figures(stats: HabitStats, type: 'at_least' | 'at_most'): number[] {
  const atLeast = type === 'at_least';
  return [
    stats.currentStreak,
    stats.longestStreak,
    stats.consistencyScore ?? (atLeast ? -1 : 101),
    atLeast ? stats.strength : 0,
    atLeast ? stats.totalCompletions : 0,
    -stats.consecutiveMisses,
    -(stats.failureRate ?? 0),
  ];
}

describe('measurable habit engine properties (every period and target type, skips, pauses, backfills, adds)', () => {
  it('the incremental checkpoint equals the full recomputation after any sequence of writes', () => {
    const scenario = measureHistoryArb.chain((initial) =>
      fc.tuple(fc.constant(initial), fc.array(opArb(initial), { minLength: 1, maxLength: 25 })),
    );
    fc.assert(
      fc.property(scenario, ([initial, ops]) => {
        let history: HabitHistory = {
          ...initial,
          logs: initial.logs.filter((l) => l.date <= initial.createdOn),
        };
        let today = initial.createdOn;
        let checkpoint: HabitCheckpoint = checkpointHabit(history, addDays(today, -1));
        for (const op of ops) {
          const [next, nextToday, changedFrom] = applyOp(history, today, op);
          history = next;
          if (changedFrom !== null)
            checkpoint = invalidateCheckpoint(checkpoint, history, changedFrom);
          if (nextToday > today)
            checkpoint = advanceCheckpoint(checkpoint, history, addDays(nextToday, -1));
          today = nextToday;
          expect(statsFromCheckpoint(checkpoint, history, today)).toEqual(
            computeHabitStats(history, today),
          );
        }
      }),
      propertySettings('measurable: incremental = recomputation'),
    );
  });

  it('adding value to a day never lowers an at_least figure, never raises an at_most one', () => {
    fc.assert(
      fc.property(
        measureHistoryArb,
        fc.integer({ min: 0, max: SPAN_DAYS - 1 }),
        measureValueArb.filter((v) => v > 0),
        fc.integer({ min: 0, max: 40 }),
        (history, offset, add, later) => {
          const day = dayIn(history, offset);
          const current = measureLogOn(history, day);
          // Turning a skip into a value un-excuses the day (its period's target grows).
          fc.pre(current !== 'S');
          const added = withMeasureLog(history, day, addMeasureValues(current, add)!);
          const type = history.target!.type;
          const sign = type === 'at_least' ? 1 : -1;
          for (const asOf of [day, addDays(day, 1), addDays(day, later)]) {
            const before = figures(computeHabitStats(history, asOf), type);
            const after = figures(computeHabitStats(added, asOf), type);
            after.forEach((figure, i) =>
              expect(sign * (figure - before[i])).toBeGreaterThanOrEqual(-1e-9),
            );
          }
        },
      ),
      propertySettings('measurable: adding value is monotone'),
    );
  });

  it('the order of adds does not matter (sums are exact)', () => {
    const adds = fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 13 }), value: measureValueArb }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        measureHistoryArb,
        adds,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (history, list, keys) => {
          const order = list.map((add, i) => ({ add, key: keys.next().value + i * 1e-9 }));
          const shuffled = [...order].sort((a, b) => a.key - b.key).map((o) => o.add);
          const apply = (sequence: typeof list): HabitHistory =>
            sequence.reduce((h, { offset, value }) => {
              const date = dayIn(h, offset);
              const current = measureLogOn(h, date);
              return withMeasureLog(
                h,
                date,
                addMeasureValues(typeof current === 'number' ? current : null, value)!,
              );
            }, history);
          const forward = apply(list);
          const reordered = apply(shuffled);
          const reversed = apply([...list].reverse());
          // Each day's value is the exact sum of what was there and its adds, in thousandths.
          for (let offset = 0; offset <= 13; offset++) {
            const date = dayIn(history, offset);
            const base = measureLogOn(history, date);
            const adds = list.filter((a) => a.offset === offset);
            if (adds.length === 0) continue;
            const thousandths =
              (typeof base === 'number' ? Math.round(base * 1000) : 0) +
              adds.reduce((sum, a) => sum + Math.round(a.value * 1000), 0);
            expect(measureLogOn(forward, date)).toBe(thousandths / 1000);
            expect(measureLogOn(reordered, date)).toBe(thousandths / 1000);
            expect(measureLogOn(reversed, date)).toBe(thousandths / 1000);
          }
          const today = dayIn(history, 20);
          const outputs = (h: HabitHistory) => ({
            stats: computeHabitStats(h, today),
            heatmap: heatmap(h, today, dayIn(h, -3), today),
            goal: goalLinkAmount(h, 'value', history.startDate, today),
            completions: completionDates(h, today),
          });
          const expected = outputs(forward);
          expect(outputs(reordered)).toEqual(expected);
          expect(outputs(reversed)).toEqual(expected);
        },
      ),
      propertySettings('measurable: order of adds'),
    );
  });

  it('every entry point answers a measurable habit with plain, finite data', () => {
    fc.assert(
      fc.property(measureHistoryArb, fc.integer({ min: -3, max: 90 }), (history, offset) => {
        const today = dayIn(history, offset);
        const stats = computeHabitStats(history, today);
        expect(stats.strength).toBeGreaterThanOrEqual(0);
        expect(stats.strength).toBeLessThanOrEqual(100 + 1e-9);
        expect(stats.period).toBeDefined();
        expect(stats.streakUnit).toBe(history.target!.period);
        const progress = heatmap(history, today, dayIn(history, -5), addDays(today, 3)).map(
          (cell) => cell.progress,
        );
        // Every cell of a measurable habit carries progress: null or a fraction 0–1.
        expect(progress.every((p) => p === null || (p! >= 0 && p! <= 1))).toBe(true);
        expect(() => {
          evaluateSuggestions(history, today, stats);
          weeklyTotals(history, today, 8);
          monthlyTotals(history, today, 3);
          consistencyAsOf(history, today);
          isNudgeDue(history, today);
        }).not.toThrow();
      }),
      propertySettings('measurable: entry points answer'),
    );
  });
});

describe('check habits: the measurable fields change nothing', () => {
  it('a check history carrying kind check, null unit, target and log values answers the same', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 80 }), (history, offset) => {
        const decorated: HabitHistory = {
          ...history,
          kind: 'check',
          unit: null,
          target: null,
          logs: history.logs.map((log) => ({ ...log, value: null })),
        };
        const today = dayIn(history, offset);
        const stats = computeHabitStats(history, today);
        expect(computeHabitStats(decorated, today)).toStrictEqual(stats);
        expect(heatmap(decorated, today, dayIn(history, -3), today)).toStrictEqual(
          heatmap(history, today, dayIn(history, -3), today),
        );
        const checkpoint = checkpointHabit(history, addDays(today, -4));
        expect(checkpointHabit(decorated, addDays(today, -4))).toStrictEqual(checkpoint);
        expect(statsFromCheckpoint(checkpoint, decorated, today)).toStrictEqual(stats);
        expect(evaluateSuggestions(decorated, today, stats)).toStrictEqual(
          evaluateSuggestions(history, today, stats),
        );
        expect(weeklyTotals(decorated, today, 5)).toStrictEqual(weeklyTotals(history, today, 5));
        // No measurable keys leak into a check habit's answers.
        expect('period' in stats).toBe(false);
        expect(heatmap(history, today, today, today)[0]).not.toHaveProperty('progress');
      }),
      propertySettings('check habits unchanged by the measurable fields'),
    );
  });
});

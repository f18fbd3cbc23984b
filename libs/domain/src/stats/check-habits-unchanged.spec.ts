import { addDays, LocalDate } from '../calendar/local-date';
import { dueDates, dueToday, nextDueDate, weekProgress } from '../habit/due';
import { HabitHistory, HabitLogEntry, LogStatus } from '../habit/habit-history';
import {
  advanceCheckpoint,
  checkpointHabit,
  statsFromCheckpoint,
} from '../incremental/habit-checkpoint';
import { isNudgeDue } from '../nudges/nudge-rule';
import { mergePauses, PausePeriod } from '../schedule/pauses';
import { Schedule, ScheduleVersion } from '../schedule/schedule';
import { evaluateSuggestions } from '../suggestions/evaluate-suggestions';
import { consistencyAsOf, monthlyTotals, weeklyTotals } from './aggregates';
import { computeHabitStats } from './habit-stats';
import { heatmap } from './heatmap';

// A regression guard for check habits: every entry point's output over 80 random check
// histories, hashed. The expected digests were produced by the engine as it was before
// measurable habits (commit 9fdedcb), so a change to any check-habit figure fails here.
// The generator is a frozen, self-contained PRNG (not fast-check), so neither a fast-check
// upgrade nor a change to the shared arbitraries moves it. After an intended change to a
// check-habit rule, print the new digests (GOLDEN_PRINT=1) and update them with the reason.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** cyrb53: a fast 53-bit string hash, as hex. */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

function randomSchedule(random: () => number): Schedule {
  const pick = Math.floor(random() * 4);
  if (pick === 0)
    return { frequency: 'daily', timesPerWeek: null, daysOfWeek: null, intervalDays: null };
  if (pick === 1)
    return {
      frequency: 'weekly',
      timesPerWeek: 1 + Math.floor(random() * 7),
      daysOfWeek: null,
      intervalDays: null,
    };
  if (pick === 2) {
    const days = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.5);
    return {
      frequency: 'custom',
      timesPerWeek: null,
      daysOfWeek: days.length ? days : [3],
      intervalDays: null,
    };
  }
  return {
    frequency: 'custom',
    timesPerWeek: null,
    daysOfWeek: null,
    intervalDays: 2 + Math.floor(random() * 8),
  };
}

const STATUSES: LogStatus[] = ['done', 'done', 'skipped', 'missed'];

function randomHistory(random: () => number): HabitHistory {
  const startDate = addDays('2026-01-05', Math.floor(random() * 20));
  const createdOn = addDays(startDate, Math.floor(random() * 5));
  const schedules: ScheduleVersion[] = [{ ...randomSchedule(random), effectiveFrom: createdOn }];
  const edits = Math.floor(random() * 4);
  for (let i = 0; i < edits; i++)
    schedules.push({
      ...randomSchedule(random),
      effectiveFrom: addDays(createdOn, 1 + Math.floor(random() * 60)),
    });
  const pauses: PausePeriod[] = [];
  const pauseCount = Math.floor(random() * 3);
  for (let i = 0; i < pauseCount; i++) {
    const from = addDays(startDate, Math.floor(random() * 75) - 5);
    const open = i === pauseCount - 1 && random() < 0.3;
    pauses.push({ from, to: open ? null : addDays(from, Math.floor(random() * 12)) });
  }
  const logs: HabitLogEntry[] = [];
  for (let offset = 0; offset < 70; offset++) {
    if (random() < 0.55)
      logs.push({
        date: addDays(startDate, offset),
        status: STATUSES[Math.floor(random() * 4)],
      });
  }
  return {
    startDate,
    createdOn,
    schedules,
    pauses: mergePauses(pauses),
    logs,
    userStatus: random() < 0.85 ? 'active' : 'paused',
    difficulty: (['easy', 'medium', 'hard'] as const)[Math.floor(random() * 3)],
  };
}

/** Every entry point's output for one history, as of several days. */
function outputs(history: HabitHistory): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {
    stats: [],
    heatmap: [],
    checkpoint: [],
    suggestions: [],
    aggregates: [],
    due: [],
  };
  const asOfs: LocalDate[] = [0, 9, 26, 52, 85].map((d) => addDays(history.startDate, d));
  for (const today of asOfs) {
    const stats = computeHabitStats(history, today);
    result.stats.push(stats);
    result.heatmap.push(heatmap(history, today, addDays(history.startDate, -3), today));
    const early = checkpointHabit(history, addDays(history.startDate, 5));
    const advanced = advanceCheckpoint(early, history, addDays(today, -1));
    result.checkpoint.push(advanced, statsFromCheckpoint(early, history, today));
    result.suggestions.push(evaluateSuggestions(history, today, stats));
    result.aggregates.push(
      weeklyTotals(history, today, 6),
      monthlyTotals(history, today, 3),
      consistencyAsOf(history, today),
    );
    result.due.push(
      isNudgeDue(history, today),
      nextDueDate(history, today),
      dueToday(history, today),
      weekProgress(history, today),
    );
  }
  result.due.push(dueDates(history, history.startDate, addDays(history.startDate, 80)));
  return result;
}

describe('check habits: every figure as before measurable habits (golden digests)', () => {
  it('80 frozen random histories give the recorded digests per entry point', () => {
    const random = mulberry32(20260705);
    const all: Record<string, unknown[]> = {};
    for (let i = 0; i < 80; i++) {
      for (const [key, values] of Object.entries(outputs(randomHistory(random)))) {
        (all[key] ??= []).push(values);
      }
    }
    const digests = Object.fromEntries(
      Object.entries(all).map(([key, values]) => [key, digest(JSON.stringify(values))]),
    );
    if (process.env.GOLDEN_PRINT) console.log(JSON.stringify(digests, null, 2));
    expect(digests).toEqual(GOLDEN);
  });
});

const GOLDEN = {
  stats: 'e87c4c9ba610a',
  heatmap: '124f0400cbf405',
  checkpoint: '1e13d9e57cb697',
  suggestions: '10ac55cc8cf703',
  aggregates: '14860b7b72336c',
  due: '6836eb3b7a567',
};

import { HabitHistory } from '../habit/habit-history';
import { isNudgeDue } from './nudge-rule';

// Today is Wed 2026-03-11. Each case's expectation is worked out from SPEC §3 "Nudges".
const daily = (
  logs: [string, 'done' | 'skipped' | 'missed'][],
  extra: Partial<HabitHistory> = {},
): HabitHistory => ({
  startDate: '2026-03-01',
  createdOn: '2026-03-01',
  schedules: [
    {
      effectiveFrom: '2026-03-01',
      frequency: 'daily',
      timesPerWeek: null,
      daysOfWeek: null,
      intervalDays: null,
    },
  ],
  pauses: [],
  logs: logs.map(([date, status]) => ({ date, status })),
  userStatus: 'active',
  difficulty: 'medium',
  ...extra,
});
const weekly = (logs: [string, 'done' | 'skipped'][]): HabitHistory => ({
  ...daily([]),
  startDate: '2026-02-23',
  createdOn: '2026-02-23',
  schedules: [
    {
      effectiveFrom: '2026-02-23',
      frequency: 'weekly',
      timesPerWeek: 2,
      daysOfWeek: null,
      intervalDays: null,
    },
  ],
  logs: logs.map(([date, status]) => ({ date, status })),
});
const TODAY = '2026-03-11';

describe('isNudgeDue', () => {
  it.each<[string, HabitHistory, boolean]>([
    [
      '09 and 10 unlogged (missed), due today, nothing logged today',
      daily([['2026-03-08', 'done']]),
      true,
    ],
    ['10 done: the last two are 09 missed and 10 done', daily([['2026-03-10', 'done']]), false],
    ['09 done, 10 missed', daily([['2026-03-09', 'done']]), false],
    ['09 skipped and 10 missed: neither was done', daily([['2026-03-09', 'skipped']]), true],
    ['already logged today', daily([['2026-03-11', 'skipped']]), false],
    ['created yesterday', daily([], { createdOn: '2026-03-10' }), false],
    ['created two days ago', daily([], { createdOn: '2026-03-09' }), true],
    [
      'paused by the user',
      daily([], { userStatus: 'paused', pauses: [{ from: '2026-03-10', to: null }] }),
      false,
    ],
    // A closed pause on 09–10: the last two due days are 07 and 08 (both missed) → nudge.
    [
      'a pause makes the days before it the last two',
      daily([], { pauses: [{ from: '2026-03-09', to: '2026-03-10' }] }),
      true,
    ],
    // Mon/Wed/Fri: today (Wed) is due; the last two due days are Fri 06 (done) and Mon 09 (missed).
    [
      'custom weekdays with a done in the last two',
      daily([['2026-03-06', 'done']], {
        schedules: [
          {
            effectiveFrom: '2026-03-01',
            frequency: 'custom',
            timesPerWeek: null,
            daysOfWeek: [1, 3, 5],
            intervalDays: null,
          },
        ],
      }),
      false,
    ],
    [
      'custom weekdays, Fri and Mon both missed',
      daily([['2026-03-04', 'done']], {
        schedules: [
          {
            effectiveFrom: '2026-03-01',
            frequency: 'custom',
            timesPerWeek: null,
            daysOfWeek: [1, 3, 5],
            intervalDays: null,
          },
        ],
      }),
      true,
    ],
    [
      'custom weekdays: today (Tue) not due',
      daily([], {
        schedules: [
          {
            effectiveFrom: '2026-03-01',
            frequency: 'custom',
            timesPerWeek: null,
            daysOfWeek: [2, 4],
            intervalDays: null,
          },
        ],
      }),
      false,
    ],
  ])('daily/custom: %s → %s', (_name, history, expected) => {
    expect(isNudgeDue(history, TODAY)).toBe(expected);
  });

  it.each<[string, HabitHistory, boolean]>([
    // Weeks 02-23 and 03-02 each need 2: no dones → both failed; this week is open → nudge.
    ['two failed past weeks', weekly([]), true],
    [
      'the week of 03-02 met',
      weekly([
        ['2026-03-03', 'done'],
        ['2026-03-05', 'done'],
      ]),
      false,
    ],
    // Week 03-02 all skipped: quota 2 − 7 skips → 0 with no done → neutral (transparent); only
    // one failed past week remains → no nudge.
    [
      'a neutral week is transparent',
      weekly(
        ['02', '03', '04', '05', '06', '07', '08'].map(
          (d) => [`2026-03-${d}`, 'skipped'] as [string, 'skipped'],
        ),
      ),
      false,
    ],
    [
      'this week already met: not due today',
      weekly([
        ['2026-03-09', 'done'],
        ['2026-03-10', 'done'],
      ]),
      false,
    ],
  ])('weekly: %s → %s', (_name, history, expected) => {
    expect(isNudgeDue(history, TODAY)).toBe(expected);
  });
});

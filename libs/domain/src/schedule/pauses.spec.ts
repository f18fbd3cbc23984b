import {
  applyStatusChange,
  mergePauses,
  parseUserStatus,
  PausePeriod,
  validatePausePeriods,
} from './pauses';

describe('mergePauses', () => {
  it.each<[string, PausePeriod[], PausePeriod[]]>([
    [
      'sorts',
      [
        { from: '2026-03-10', to: '2026-03-12' },
        { from: '2026-03-01', to: '2026-03-02' },
      ],
      [
        { from: '2026-03-01', to: '2026-03-02' },
        { from: '2026-03-10', to: '2026-03-12' },
      ],
    ],
    [
      'merges overlapping',
      [
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-04', to: '2026-03-08' },
      ],
      [{ from: '2026-03-01', to: '2026-03-08' }],
    ],
    [
      'merges adjacent (03-05 then 03-06)',
      [
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-06', to: '2026-03-06' },
      ],
      [{ from: '2026-03-01', to: '2026-03-06' }],
    ],
    [
      'keeps a one-day gap',
      [
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-07', to: '2026-03-08' },
      ],
      [
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-07', to: '2026-03-08' },
      ],
    ],
    [
      'an open period absorbs later ones',
      [
        { from: '2026-03-01', to: null },
        { from: '2026-04-01', to: '2026-04-02' },
      ],
      [{ from: '2026-03-01', to: null }],
    ],
    [
      'a contained period disappears',
      [
        { from: '2026-03-01', to: '2026-03-31' },
        { from: '2026-03-10', to: '2026-03-11' },
      ],
      [{ from: '2026-03-01', to: '2026-03-31' }],
    ],
    [
      'a closed period running into an open one',
      [
        { from: '2026-03-05', to: null },
        { from: '2026-03-01', to: '2026-03-05' },
      ],
      [{ from: '2026-03-01', to: null }],
    ],
  ])('%s', (_name, input, expected) => {
    expect(mergePauses(input)).toEqual(expected);
  });
});

describe('validatePausePeriods', () => {
  it('rejects to before from and bad dates', () => {
    const { errors } = validatePausePeriods([
      { from: '2026-03-05', to: '2026-03-04' },
      { from: '2026-02-30', to: null },
    ]);
    expect(errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'pausePeriods[0]:PAUSE_PERIOD_INVALID',
      'pausePeriods[1]:PAUSE_PERIOD_INVALID',
    ]);
  });

  it('allows 100 periods after merging and refuses 101', () => {
    // Periods on every other day never touch: day 2k of 2026 (k = 0..), one day each.
    const periods = (n: number): PausePeriod[] =>
      Array.from({ length: n }, (_, k) => {
        const day = new Date(Date.UTC(2026, 0, 1 + 2 * k)).toISOString().slice(0, 10);
        return { from: day, to: day };
      });
    expect(validatePausePeriods(periods(100)).errors).toEqual([]);
    expect(validatePausePeriods(periods(101)).errors.map((e) => e.code)).toEqual([
      'TOO_MANY_PAUSE_PERIODS',
    ]);
    // 150 adjacent days merge into one period.
    const adjacent = periods(150).map((p) => ({
      from: p.from,
      to: new Date(Date.parse(p.from) + 86_400_000).toISOString().slice(0, 10),
    }));
    expect(validatePausePeriods(adjacent).pauses).toHaveLength(1);
  });
});

describe('applyStatusChange (today = 2026-03-10)', () => {
  const today = '2026-03-10';
  it.each<
    [
      string,
      PausePeriod[],
      'active' | 'paused' | 'archived',
      'active' | 'paused' | 'archived',
      PausePeriod[],
    ]
  >([
    ['pause opens a period from today', [], 'active', 'paused', [{ from: today, to: null }]],
    ['archive opens one too', [], 'active', 'archived', [{ from: today, to: null }]],
    [
      'resume closes it at yesterday',
      [{ from: '2026-03-01', to: null }],
      'paused',
      'active',
      [{ from: '2026-03-01', to: '2026-03-09' }],
    ],
    ['resume the same day removes it', [{ from: today, to: null }], 'paused', 'active', []],
    [
      'paused → archived keeps the open period',
      [{ from: '2026-03-01', to: null }],
      'paused',
      'archived',
      [{ from: '2026-03-01', to: null }],
    ],
    [
      'same status changes nothing',
      [{ from: '2026-03-01', to: '2026-03-02' }],
      'active',
      'active',
      [{ from: '2026-03-01', to: '2026-03-02' }],
    ],
    // A pause ending yesterday merges with today's: resuming today restores the old period.
    [
      'pause right after a closed period',
      [{ from: '2026-03-01', to: '2026-03-09' }],
      'active',
      'paused',
      [{ from: '2026-03-01', to: null }],
    ],
    [
      '… and resuming the same day',
      [{ from: '2026-03-01', to: null }],
      'paused',
      'active',
      [{ from: '2026-03-01', to: '2026-03-09' }],
    ],
    [
      'resume with no open period changes nothing',
      [{ from: '2026-03-01', to: '2026-03-02' }],
      'paused',
      'active',
      [{ from: '2026-03-01', to: '2026-03-02' }],
    ],
  ])('%s', (_name, pauses, from, to, expected) => {
    expect(applyStatusChange(pauses, from, to, today)).toEqual(expected);
  });

  it('at_risk cannot be set by a client', () => {
    expect(() => parseUserStatus('at_risk')).toThrow(
      expect.objectContaining({ code: 'STATUS_NOT_SETTABLE' }),
    );
    expect(parseUserStatus('paused')).toBe('paused');
  });
});

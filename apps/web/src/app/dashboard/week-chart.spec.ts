import { weekChartBars } from './week-chart';

const day = (date: string, done: number, skipped = 0, missed = 0, pending = 0) => ({
  date,
  done,
  skipped,
  missed,
  pending,
});

describe('weekChartBars', () => {
  it('stacks each day from the bottom, scaled to the busiest day', () => {
    // Box 200 × 118: plot height 100 (18 for labels); two slots of 100, bars 60 wide.
    const bars = weekChartBars(
      [day('2026-11-23', 2, 1, 1), day('2026-11-24', 1)],
      200,
      118,
      'en-GB',
    );
    expect(bars[0]).toEqual({
      date: '2026-11-23',
      label: 'Mon',
      x: 20,
      width: 60,
      // busiest = 4: done 2/4 → 50 high from y 50, skipped 25 above it, missed 25 on top.
      parts: [
        { kind: 'done', y: 50, height: 50 },
        { kind: 'skipped', y: 25, height: 25 },
        { kind: 'missed', y: 0, height: 25 },
      ],
    });
    expect(bars[1]).toMatchObject({
      label: 'Tue',
      x: 120,
      parts: [{ kind: 'done', y: 75, height: 25 }],
    });
  });

  it('draws nothing for an empty series and empty bars for days with nothing due', () => {
    expect(weekChartBars([], 100, 100)).toEqual([]);
    expect(weekChartBars([day('2026-11-23', 0)], 100, 118)[0].parts).toEqual([]);
  });

  it('shows “open” only for today: a past day of a weekly habit’s week is not still open', () => {
    // Monday: 1 done, 2 weekly habits' days still open in their week; Tuesday is today.
    const bars = weekChartBars(
      [day('2026-11-23', 1, 0, 0, 2), day('2026-11-24', 0, 0, 0, 1)],
      200,
      118,
      'en-GB',
    );
    expect(bars[0].parts.map((p) => p.kind)).toEqual(['done']);
    expect(bars[0].parts[0]).toEqual({ kind: 'done', y: 0, height: 100 });
    expect(bars[1].parts.map((p) => p.kind)).toEqual(['pending']);
  });
});

import { buildHeatmapGrid, heatmapRange, monthView, moveInGrid } from './heatmap-grid';

// Today is Tuesday 10 March 2026: its week starts Monday 9 March; 52 weeks earlier is
// Monday 10 March 2025, so the grid covers 10 Mar 2025 … 10 Mar 2026 (366 days ≤ 371).
const TODAY = '2026-03-10';

describe('heatmap grid', () => {
  it('spans 53 ISO weeks, Monday first, ending with today’s week', () => {
    expect(heatmapRange(TODAY)).toEqual({ from: '2025-03-10', to: '2026-03-10' });
    const grid = buildHeatmapGrid([], TODAY);
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows.every((row) => row.length === 53)).toBe(true);
    expect(grid.rows[0][0].date).toBe('2025-03-10');
    expect(grid.rows[6][0].date).toBe('2025-03-16');
    expect(grid.rows[0][52].date).toBe('2026-03-09');
    expect(grid.rows[1][52].date).toBe(TODAY);
  });

  it('colours each day by the API’s status, leaves the days after today empty', () => {
    const grid = buildHeatmapGrid(
      [
        { date: '2026-03-10', status: 'done', value: null, progress: null },
        { date: '2026-03-09', status: 'missed', value: null, progress: null },
        { date: '2025-03-10', status: 'paused', value: null, progress: null },
      ],
      TODAY,
    );
    expect(grid.rows[1][52]).toMatchObject({ status: 'done', label: 'Tue 10 Mar 2026: done' });
    expect(grid.rows[0][52]).toMatchObject({ status: 'missed', label: 'Mon 9 Mar 2026: missed' });
    expect(grid.rows[0][0].status).toBe('paused');
    // A day the API did not list is not due.
    expect(grid.rows[3][10].status).toBe('not_due');
    // Wednesday 11 March 2026 has not come yet.
    expect(grid.rows[2][52]).toMatchObject({ status: null, label: 'Wed 11 Mar 2026: not yet' });
  });

  it('puts a month name over the first week whose Monday falls in it', () => {
    const grid = buildHeatmapGrid([], TODAY);
    // Week 0 starts 10 Mar 2025 (not in March's first 7 days); 7 Apr 2025 is week 4.
    expect(grid.monthLabels[0]).toEqual({ week: 4, label: 'Apr' });
    expect(grid.monthLabels.at(-1)).toEqual({ week: 51, label: 'Mar' });
  });

  it('moves with the arrow keys and stops at the edges', () => {
    expect(moveInGrid({ week: 10, day: 3 }, 'ArrowLeft')).toEqual({ week: 9, day: 3 });
    expect(moveInGrid({ week: 10, day: 3 }, 'ArrowDown')).toEqual({ week: 10, day: 4 });
    expect(moveInGrid({ week: 0, day: 0 }, 'ArrowUp')).toEqual({ week: 0, day: 0 });
    expect(moveInGrid({ week: 52, day: 6 }, 'ArrowRight')).toEqual({ week: 52, day: 6 });
    expect(moveInGrid({ week: 10, day: 3 }, 'End')).toEqual({ week: 52, day: 3 });
    expect(moveInGrid({ week: 10, day: 3 }, 'a')).toBeNull();
  });

  it('offers no day before the habit started (nor after today)', () => {
    const grid = buildHeatmapGrid(
      [{ date: '2026-03-02', status: 'not_due', value: null, progress: null }],
      TODAY,
      {
        startDate: '2026-03-03',
      },
    );
    // Mon 2 March is before the start; Tue 3 March is the start.
    expect(grid.rows[0][51]).toMatchObject({
      date: '2026-03-02',
      disabled: true,
      look: 'before-start',
      label: 'Mon 2 Mar 2026: before the habit started',
    });
    expect(grid.rows[1][51]).toMatchObject({ date: '2026-03-03', disabled: false });
    expect(grid.rows[2][52]).toMatchObject({ disabled: true, look: 'future' });
  });

  it('draws a weekly habit by weeks: “1/3” for a failed week, its open days not as misses', () => {
    const grid = buildHeatmapGrid(
      [
        { date: '2026-03-04', status: 'done', value: null, progress: null },
        { date: '2026-03-05', status: 'missed', value: null, progress: null },
        { date: '2026-03-09', status: 'pending', value: null, progress: null },
      ],
      TODAY,
      {
        weekTallies: [
          { monday: '2026-02-23', done: 3, quota: 3 },
          { monday: '2026-03-02', done: 1, quota: 3 },
          { monday: '2026-03-09', done: 0, quota: 3 },
        ],
      },
    );
    expect(grid.weeks).toHaveLength(53);
    expect(grid.weeks[50]).toMatchObject({ outcome: 'met', short: '✓' });
    expect(grid.weeks[51]).toMatchObject({
      outcome: 'failed',
      short: '1/3',
      label: 'Week of 2 Mar: 1 of 3 done (missed)',
    });
    expect(grid.weeks[52]).toMatchObject({ outcome: 'pending', short: '0/3' });
    expect(grid.weeks[0].outcome).toBe('none');
    expect(grid.rows[3][51]).toMatchObject({ status: 'missed', look: 'unlogged' });
    expect(grid.rows[3][51].label).toBe('Thu 5 Mar 2026: not logged');
    expect(grid.rows[2][51].look).toBe('done');
  });

  it('shows one month as a calendar, Monday first, with the months around it', () => {
    const grid = buildHeatmapGrid([], TODAY);
    const march = monthView(grid, '2026-03');
    expect(march.title).toBe('March 2026');
    // 1 March 2026 is a Sunday: the first row holds it alone, in its last column.
    expect(march.rows[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(march.rows[0][6]?.date).toBe('2026-03-01');
    expect(march.rows[2][1]?.date).toBe(TODAY);
    // The days after this week are shown as not yet come.
    expect(march.rows[5][1]).toMatchObject({ date: '2026-03-31', look: 'future', disabled: true });
    expect(march.rows).toHaveLength(6);
    expect(march).toMatchObject({ previous: '2026-02', next: null });
    expect(monthView(grid, '2025-03').previous).toBeNull();
  });
});

import { buildHeatmapGrid, heatmapRange, moveInGrid } from './heatmap-grid';

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
        { date: '2026-03-10', status: 'done' },
        { date: '2026-03-09', status: 'missed' },
        { date: '2025-03-10', status: 'paused' },
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
});

import { recordScheduleEdit } from './schedule-edits';
import { Schedule, ScheduleVersion } from '../schedule/schedule';

const dailySchedule: Schedule = {
  frequency: 'daily',
  timesPerWeek: null,
  daysOfWeek: null,
  intervalDays: null,
};
const weekly2: Schedule = {
  frequency: 'weekly',
  timesPerWeek: 2,
  daysOfWeek: null,
  intervalDays: null,
};

describe('recordScheduleEdit', () => {
  const created: ScheduleVersion[] = [{ ...dailySchedule, effectiveFrom: '2026-03-05' }];

  it('a later edit adds an entry effective today and changes nothing before today', () => {
    expect(recordScheduleEdit(created, weekly2, '2026-03-10', '2026-03-02')).toEqual({
      schedules: [created[0], { ...weekly2, effectiveFrom: '2026-03-10' }],
      changedFrom: '2026-03-10',
    });
  });

  it('a second edit the same day replaces the first', () => {
    const once = recordScheduleEdit(created, weekly2, '2026-03-10', '2026-03-02').schedules;
    expect(recordScheduleEdit(once, dailySchedule, '2026-03-10', '2026-03-02').schedules).toEqual([
      created[0],
      { ...dailySchedule, effectiveFrom: '2026-03-10' },
    ]);
  });

  it('replacing the creation-day entry reaches back to a backdated startDate (03-02)', () => {
    expect(recordScheduleEdit(created, weekly2, '2026-03-05', '2026-03-02')).toEqual({
      schedules: [{ ...weekly2, effectiveFrom: '2026-03-05' }],
      changedFrom: '2026-03-02',
    });
  });
});

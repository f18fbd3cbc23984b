import { HabitsService, MAX_HABITS_PER_USER } from '@app/habits';
import { codeOf, FixedClock, inMemoryServices, userOf } from './in-memory';

// Today is Tuesday 2026-03-10 for a user in UTC.
const today = '2026-03-10';

function setup() {
  const clock = new FixedClock(new Date('2026-03-10T12:00:00Z'));
  const s = inMemoryServices(clock);
  const service = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  return { ...s, clock, service, user: userOf() };
}

describe('HabitsService (in-memory repositories)', () => {
  it('creates a habit starting today, first in the list, with statistics as of today', async () => {
    const { service, user, tables } = setup();
    const habit = await service.create(user, { name: '  Read ', frequency: 'daily' });
    expect(habit).toMatchObject({
      name: 'Read',
      startDate: today,
      position: 1,
      status: 'active',
      statsAsOf: today,
      dueToday: true,
      currentStreak: 0,
      // inserted as version 1, then the recomputation's write bumps it
      version: 2,
    });
    expect(tables.schedules).toEqual([
      expect.objectContaining({ habitId: habit.id, effectiveFrom: today, frequency: 'daily' }),
    ]);
    const second = await service.create(user, { name: 'Run', frequency: 'daily' });
    expect(second.position).toBe(2);
  });

  it('accepts a start date a year ahead and refuses one a day later (START_DATE_TOO_FAR)', async () => {
    const { service, user } = setup();
    expect(
      await codeOf(
        service.create(user, { name: 'A', frequency: 'daily', startDate: '2027-03-10' }),
      ),
    ).toBe('resolved');
    expect(
      await codeOf(
        service.create(user, { name: 'B', frequency: 'daily', startDate: '2027-03-11' }),
      ),
    ).toBe('START_DATE_TOO_FAR');
  });

  it(`refuses habit number ${MAX_HABITS_PER_USER + 1} (HABIT_LIMIT_REACHED)`, async () => {
    const { service, user, habits } = setup();
    const base = await service.create(user, { name: 'first', frequency: 'daily' });
    const row = await habits.findOwned({} as never, user.id, base.id);
    for (let i = 1; i < MAX_HABITS_PER_USER; i++)
      await habits.insert({} as never, { ...row, name: `h${i}`, position: i + 1 });
    expect(await codeOf(service.create(user, { name: 'one too many', frequency: 'daily' }))).toBe(
      'HABIT_LIMIT_REACHED',
    );
  });

  it('a schedule edit takes effect today, and a second edit the same day replaces the first', async () => {
    const { service, user, tables, clock } = setup();
    clock.instant = new Date('2026-03-01T12:00:00Z');
    const habit = await service.create(user, { name: 'Gym', frequency: 'daily' });
    clock.instant = new Date('2026-03-10T12:00:00Z');
    await service.update(user, habit.id, { frequency: 'weekly', timesPerWeek: 3 });
    const edited = await service.update(user, habit.id, { timesPerWeek: 2 });
    expect(edited).toMatchObject({ frequency: 'weekly', timesPerWeek: 2, daysOfWeek: null });
    expect(tables.schedules.map((s) => [s.effectiveFrom, s.frequency, s.timesPerWeek])).toEqual([
      ['2026-03-01', 'daily', null],
      [today, 'weekly', 2],
    ]);
  });

  it('moves the start date no later than the first log (START_DATE_AFTER_FIRST_LOG)', async () => {
    const { service, user, clock, tables } = setup();
    clock.instant = new Date('2026-03-01T12:00:00Z');
    const habit = await service.create(user, { name: 'Walk', frequency: 'daily' });
    tables.logs.push({
      id: 'l1',
      habitId: habit.id,
      logDate: '2026-03-05',
      status: 'done',
      notes: null,
    } as never);
    clock.instant = new Date('2026-03-10T12:00:00Z');
    expect(await codeOf(service.update(user, habit.id, { startDate: '2026-03-06' }))).toBe(
      'START_DATE_AFTER_FIRST_LOG',
    );
    expect((await service.update(user, habit.id, { startDate: '2026-03-05' })).startDate).toBe(
      '2026-03-05',
    );
  });

  it('pausing opens a pause from today and resuming closes it yesterday', async () => {
    const { service, user, clock } = setup();
    const habit = await service.create(user, { name: 'Stretch', frequency: 'daily' });
    const paused = await service.update(user, habit.id, { status: 'paused' });
    expect(paused.status).toBe('paused');
    expect(paused.pausePeriods).toEqual([{ from: today, to: null }]);
    clock.instant = new Date('2026-03-15T12:00:00Z');
    const resumed = await service.update(user, habit.id, { status: 'active' });
    expect(resumed.status).toBe('active');
    expect(resumed.pausePeriods).toEqual([{ from: today, to: '2026-03-14' }]);
  });

  it("404s on another user's habit", async () => {
    const { service, user } = setup();
    const habit = await service.create(user, { name: 'Mine', frequency: 'daily' });
    const other = userOf({ id: '00000000-0000-4000-8000-000000000002' });
    expect(await codeOf(service.get(other, habit.id))).toBe('HABIT_NOT_FOUND');
    expect(await codeOf(service.remove(other, habit.id))).toBe('HABIT_NOT_FOUND');
  });
});

import { GoalEntity, GoalHabitEntity } from '@app/database';
import { HabitLogsService } from '@app/habit-logs';
import { HabitsService } from '@app/habits';
import { codeOf, FixedClock, inMemoryServices, nextId, userOf } from './in-memory';

async function setup() {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const s = inMemoryServices(clock);
  const habitsService = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  const service = new HabitLogsService(
    s.asUow,
    s.habits,
    s.logsRepo,
    s.stats,
    s.goalProgress,
    s.freshness,
    s.idempotencyKeys,
  );
  const user = userOf();
  const habit = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
  clock.instant = new Date('2026-03-10T12:00:00Z');
  s.uow.events.length = 0;
  return { ...s, clock, service, user, habit };
}

describe('HabitLogsService (in-memory repositories)', () => {
  it('answers created the first time and replaced the second, and the streak follows', async () => {
    const { service, user, habit, uow } = await setup();
    const first = await service.log(user, { habitId: habit.id, status: 'done' });
    expect(first.created).toBe(true);
    expect(first.body.log).toMatchObject({ logDate: '2026-03-10', status: 'done' });
    expect(first.body.habit.currentStreak).toBe(1);
    expect(uow.eventTypes()).toEqual(['habit_logged', 'streak_update']);
    const again = await service.log(user, { habitId: habit.id, status: 'skipped' });
    expect(again.created).toBe(false);
    expect(again.body.log.id).toBe(first.body.log.id);
    expect(again.body.habit.totalCompletions).toBe(0);
  });

  it('refuses days after today and before the start', async () => {
    const { service, user, habit } = await setup();
    expect(
      await codeOf(service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-03-11' })),
    ).toBe('LOG_DATE_IN_FUTURE');
    expect(
      await codeOf(service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-02-28' })),
    ).toBe('LOG_DATE_BEFORE_START');
  });

  it('keeps the notes when a new status comes without them, and clears them with null', async () => {
    const { service, user, habit } = await setup();
    await service.log(user, { habitId: habit.id, status: 'done', notes: 'felt good' });
    const toggled = await service.log(user, { habitId: habit.id, status: 'skipped' });
    expect(toggled.body.log.notes).toBe('felt good');
    const cleared = await service.log(user, { habitId: habit.id, status: 'done', notes: null });
    expect(cleared.body.log.notes).toBeNull();
  });

  it('completes a linked goal once: goal_completed fires on the change only', async () => {
    const { service, user, habit, tables, uow } = await setup();
    // base 1 + weight 0.5 × done logs since 03-05: two logs make 2 of 2.
    const goal = Object.assign(new GoalEntity(), {
      id: nextId(),
      userId: user.id,
      name: 'Two',
      description: null,
      targetValue: 2,
      currentValue: 1,
      baseValue: 1,
      unit: 'x',
      startDate: '2026-03-05',
      deadline: null,
      isCompleted: false,
      completedAt: null,
      statsAsOf: null,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    tables.goals.set(goal.id, goal);
    tables.links.push(
      Object.assign(new GoalHabitEntity(), {
        id: 'x',
        goalId: goal.id,
        habitId: habit.id,
        contributionWeight: 0.5,
      }),
    );
    await service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-03-04' }); // before the goal's start
    expect(tables.goals.get(goal.id)!.currentValue).toBe(1);
    await service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-03-08' });
    await service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-03-09' });
    expect(tables.goals.get(goal.id)).toMatchObject({
      currentValue: 2,
      isCompleted: true,
      statsAsOf: '2026-03-10',
    });
    expect(tables.goals.get(goal.id)!.completedAt).toEqual(new Date('2026-03-10T12:00:00Z'));
    await service.log(user, { habitId: habit.id, status: 'done' });
    expect(uow.eventTypes().filter((t) => t === 'goal_completed')).toHaveLength(1);
  });

  it("undoing a log answers the habit without it; another user's log is LOG_NOT_FOUND", async () => {
    const { service, user, habit, uow } = await setup();
    const logged = await service.log(user, {
      habitId: habit.id,
      status: 'done',
      logDate: '2026-03-05',
    });
    const other = userOf({ id: '00000000-0000-4000-8000-000000000002' });
    expect(await codeOf(service.remove(other, logged.body.log.id))).toBe('LOG_NOT_FOUND');
    uow.events.length = 0;
    const after = await service.remove(user, logged.body.log.id);
    expect(after.habit.totalCompletions).toBe(0);
    // The streak did not move (03-05 is not part of today's streak), yet other tabs hear of it.
    expect(uow.eventTypes()).toEqual(['streak_update']);
    expect(await codeOf(service.remove(user, logged.body.log.id))).toBe('LOG_NOT_FOUND');
  });

  it('lists the last 90 days by default and refuses reversed or over-long ranges', async () => {
    const { service, user, habit } = await setup();
    await service.log(user, { habitId: habit.id, status: 'done', logDate: '2026-03-02' });
    await service.log(user, { habitId: habit.id, status: 'skipped', logDate: '2026-03-07' });
    expect((await service.list(user, habit.id, {})).map((l) => [l.logDate, l.status])).toEqual([
      ['2026-03-02', 'done'],
      ['2026-03-07', 'skipped'],
    ]);
    expect(
      await codeOf(service.list(user, habit.id, { from: '2026-03-09', to: '2026-03-08' })),
    ).toBe('INVALID_RANGE');
    // 2025-03-04 … 2026-03-10 is 372 days.
    expect(await codeOf(service.list(user, habit.id, { from: '2025-03-04' }))).toBe(
      'RANGE_TOO_LONG',
    );
    expect(await codeOf(service.list(user, habit.id, { from: '2025-03-05' }))).toBe('resolved');
  });
});

import { GoalsService, MAX_GOALS_PER_USER } from '@app/goals';
import { HabitsService } from '@app/habits';
import { codeOf, FixedClock, inMemoryServices, userOf } from './in-memory';

async function setup() {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const s = inMemoryServices(clock);
  const habitsService = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  const service = new GoalsService(s.asUow, s.goalsRepo, s.habits, s.goalProgress);
  const user = userOf();
  const read = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
  const run = await habitsService.create(user, { name: 'Run', frequency: 'daily' });
  const done = (habitId: string, logDate: string) =>
    s.tables.logs.push({
      id: `${habitId}${logDate}`,
      habitId,
      logDate,
      status: 'done',
      notes: null,
    } as never);
  // Read: done 03-02, 03-04, 03-06; Run: done 03-03 and 03-05, skipped 03-06.
  ['2026-03-02', '2026-03-04', '2026-03-06'].forEach((d) => done(read.id, d));
  ['2026-03-03', '2026-03-05'].forEach((d) => done(run.id, d));
  s.tables.logs.push({
    id: 'skip',
    habitId: run.id,
    logDate: '2026-03-06',
    status: 'skipped',
    notes: null,
  } as never);
  clock.instant = new Date('2026-03-10T12:00:00Z');
  return { ...s, service, user, read, run };
}

const fields = { name: 'Books', targetValue: 10, unit: 'sessions' };

describe('GoalsService (in-memory repositories)', () => {
  it('counts base + weight × done logs from the start date (worked by hand)', async () => {
    const { service, user, read, run } = await setup();
    // From 03-04: Read 03-04, 03-06 (2 × 1) + Run 03-05 (1 × 2.5) + base 1.5 = 6 of 10.
    const goal = await service.create(user, {
      ...fields,
      startDate: '2026-03-04',
      baseValue: 1.5,
      habits: [{ habitId: read.id }, { habitId: run.id, contributionWeight: 2.5 }],
    });
    expect(goal).toMatchObject({ currentValue: 6, isCompleted: false, overdue: false, version: 2 });
    expect(goal.habits).toEqual(
      [
        { habitId: read.id, contributionWeight: 1, count: 'completions' },
        { habitId: run.id, contributionWeight: 2.5, count: 'completions' },
      ].sort((a, b) => (a.habitId < b.habitId ? -1 : 1)),
    );
  });

  it('refuses a habit linked twice, a habit that is not the user’s and a deadline before the start', async () => {
    const { service, user, read } = await setup();
    expect(
      await codeOf(
        service.create(user, {
          ...fields,
          habits: [{ habitId: read.id }, { habitId: read.id.toUpperCase() }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        service.create(user, {
          ...fields,
          habits: [{ habitId: '00000000-0000-4000-8000-00000000dead' }],
        }),
      ),
    ).toBe('HABIT_NOT_FOUND');
    expect(
      await codeOf(
        service.create(user, { ...fields, startDate: '2026-03-05', deadline: '2026-03-04' }),
      ),
    ).toBe('GOAL_DEADLINE_BEFORE_START');
  });

  it('re-linking keeps the weight of a listed link without one; a new link weighs 1', async () => {
    const { service, user, read, run } = await setup();
    const goal = await service.create(user, {
      ...fields,
      startDate: '2026-03-01',
      habits: [{ habitId: read.id, contributionWeight: 3 }],
    });
    expect(goal.currentValue).toBe(9); // 3 × 3
    const edited = await service.update(user, goal.id, {
      habits: [{ habitId: read.id }, { habitId: run.id }],
    });
    expect(Object.fromEntries(edited.habits.map((h) => [h.habitId, h.contributionWeight]))).toEqual(
      {
        [read.id]: 3,
        [run.id]: 1,
      },
    );
    // 3 × 3 + 2 × 1 = 11 ≥ 10: completed, and never overdue.
    expect(edited).toMatchObject({ currentValue: 11, isCompleted: true, overdue: false });
    expect(edited.completedAt).toBe('2026-03-10T12:00:00.000Z');
  });

  it('is overdue after its deadline while incomplete', async () => {
    const { service, user } = await setup();
    const goal = await service.create(user, {
      ...fields,
      startDate: '2026-03-01',
      deadline: '2026-03-09',
    });
    expect(goal).toMatchObject({ currentValue: 0, overdue: true });
  });

  it(`refuses goal number ${MAX_GOALS_PER_USER + 1} and 404s on unknown goals`, async () => {
    const { service, user, goalsRepo } = await setup();
    for (let i = 0; i < MAX_GOALS_PER_USER; i++)
      await goalsRepo.insert({} as never, {
        userId: user.id,
        name: `g${i}`,
        description: null,
        targetValue: 1,
        unit: 'x',
        deadline: null,
        startDate: '2026-03-01',
        baseValue: 0,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    expect(await codeOf(service.create(user, fields))).toBe('GOAL_LIMIT_REACHED');
    const other = userOf({ id: '00000000-0000-4000-8000-000000000002' });
    const [mine] = await service.list(user);
    expect(await codeOf(service.get(other, mine.id))).toBe('GOAL_NOT_FOUND');
    expect(await codeOf(service.remove(other, mine.id))).toBe('GOAL_NOT_FOUND');
    expect(await codeOf(service.remove(user, mine.id))).toBe('resolved');
  });
});

import { AnalyticsService } from '@app/analytics';
import { InMemoryCacheStore } from '@app/cache';
import { HabitsService } from '@app/habits';
import type { AnalyticsRepository } from '../../../libs/analytics/src/analytics.repository';
import { codeOf, FixedClock, inMemoryServices, userOf } from './in-memory';

/** Goal counts as the repository's one statement would answer them; counts its calls. */
class FakeAnalyticsRepository {
  calls = 0;
  async goalCounts() {
    this.calls++;
    return { inProgress: 2, completed: 1, overdue: 0 };
  }
}

async function setup() {
  const clock = new FixedClock(new Date('2026-03-08T12:00:00Z'));
  const s = inMemoryServices(clock);
  const habitsService = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  const repository = new FakeAnalyticsRepository();
  const service = new AnalyticsService(
    s.asUow,
    s.habits,
    s.freshness,
    repository as unknown as AnalyticsRepository,
    new InMemoryCacheStore(),
  );
  const user = userOf();
  const read = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
  const run = await habitsService.create(user, { name: 'Run', frequency: 'daily' });
  clock.instant = new Date('2026-03-10T12:00:00Z');
  const log = (habitId: string, logDate: string, status: 'done' | 'skipped') =>
    s.tables.logs.push({
      id: `${habitId}${logDate}`,
      habitId,
      logDate,
      status,
      notes: null,
    } as never);
  // Read: done 03-08, 03-09, 03-10; Run: done 03-08, missed 03-09, nothing yet today.
  ['2026-03-08', '2026-03-09', '2026-03-10'].forEach((d) => log(read.id, d, 'done'));
  log(run.id, '2026-03-08', 'done');
  return { ...s, clock, service, repository, user, read, run };
}

describe('AnalyticsService (in-memory repositories)', () => {
  it('builds the dashboard from fresh statistics (worked by hand)', async () => {
    const { service, user, read } = await setup();
    const dashboard = await service.dashboard(user);
    expect(dashboard).toMatchObject({
      today: '2026-03-10',
      habitsByStatus: { active: 2, atRisk: 0, paused: 0, archived: 0 },
      dueToday: { date: '2026-03-10', due: 2, done: 1, remaining: 1 },
      goals: { inProgress: 2, completed: 1, overdue: 0 },
      bestStreaks: [{ habitId: read.id, value: 3, unit: 'day' }],
    });
    // Judged days before today: 03-08 (2 done), 03-09 (1 done, 1 missed); today counts its done
    // only: 4 done of 5 judged = 80 %.
    expect(dashboard.completionRate7d).toBe(80);
    expect(dashboard.last7Days.map((d) => [d.date, d.done, d.missed])).toEqual([
      ['2026-03-04', 0, 0],
      ['2026-03-05', 0, 0],
      ['2026-03-06', 0, 0],
      ['2026-03-07', 0, 0],
      ['2026-03-08', 2, 0],
      ['2026-03-09', 1, 1],
      ['2026-03-10', 1, 0],
    ]);
  });

  it('serves the dashboard from the cache the same day and computes it anew the next', async () => {
    const { service, user, repository, clock } = await setup();
    const first = await service.dashboard(user);
    expect(await service.dashboard(user)).toEqual(first);
    expect(repository.calls).toBe(1);
    clock.instant = new Date('2026-03-11T12:00:00Z');
    expect((await service.dashboard(user)).today).toBe('2026-03-11');
    expect(repository.calls).toBe(2);
  });

  it('refuses reversed and over-long heatmap ranges', async () => {
    const { service, user } = await setup();
    expect(await codeOf(service.heatmap(user, { from: '2026-03-10', to: '2026-03-09' }))).toBe(
      'INVALID_RANGE',
    );
    // 2025-03-04 … 2026-03-10 is 372 days, one more than allowed.
    expect(await codeOf(service.heatmap(user, { from: '2025-03-04', to: '2026-03-10' }))).toBe(
      'RANGE_TOO_LONG',
    );
  });
});

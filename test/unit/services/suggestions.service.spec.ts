import type { SuggestionType } from '@app/domain';
import { HabitsService } from '@app/habits';
import { DISMISS_DAYS, SuggestionsService } from '@app/suggestions';
import type { SuggestionDismissalsRepository } from '../../../libs/suggestions/src/suggestion-dismissals.repository';
import { codeOf, FixedClock, inMemoryServices, Tables, userOf } from './in-memory';

class FakeDismissals {
  readonly rows: { habitId: string; type: SuggestionType; until: string }[] = [];
  constructor(private readonly t: Tables) {}
  async hiddenTypes(_m: unknown, habitId: string, today: string) {
    return this.rows.filter((r) => r.habitId === habitId && r.until >= today).map((r) => r.type);
  }
  async dismiss(_m: unknown, userId: string, habitId: string, type: SuggestionType, until: string) {
    if (this.t.habits.get(habitId)?.userId !== userId) return false;
    const existing = this.rows.find((r) => r.habitId === habitId && r.type === type);
    if (existing) existing.until = until;
    else this.rows.push({ habitId, type, until });
    return true;
  }
}

async function setup() {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const s = inMemoryServices(clock);
  const habitsService = new HabitsService(s.asUow, s.habits, s.stats, s.goalProgress, s.freshness);
  const dismissals = new FakeDismissals(s.tables);
  const service = new SuggestionsService(
    s.asUow,
    s.habits,
    habitsService,
    s.freshness,
    dismissals as unknown as SuggestionDismissalsRepository,
  );
  return { ...s, clock, service, habitsService, dismissals, user: userOf() };
}

describe('SuggestionsService (in-memory repositories)', () => {
  it(`dismissing hides a type for ${DISMISS_DAYS} days counting today, and only for the owner`, async () => {
    const { service, habitsService, dismissals, user, clock } = await setup();
    const habit = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
    clock.instant = new Date('2026-03-10T12:00:00Z');
    await service.dismiss(user, habit.id, { type: 'level_up' });
    expect(dismissals.rows).toEqual([{ habitId: habit.id, type: 'level_up', until: '2026-04-08' }]);
    const other = userOf({ id: '00000000-0000-4000-8000-000000000002' });
    expect(await codeOf(service.dismiss(other, habit.id, { type: 'level_up' }))).toBe(
      'HABIT_NOT_FOUND',
    );
  });

  it('applying a dismissed type is SUGGESTION_DISMISSED; one that does not hold is SUGGESTION_STALE', async () => {
    const { service, habitsService, user } = await setup();
    const habit = await habitsService.create(user, { name: 'Read', frequency: 'daily' });
    await service.dismiss(user, habit.id, { type: 'reduce_frequency' });
    expect(await codeOf(service.apply(user, habit.id, { type: 'reduce_frequency' }))).toBe(
      'SUGGESTION_DISMISSED',
    );
    // A habit created today has no history: nothing to level up.
    expect(await codeOf(service.apply(user, habit.id, { type: 'level_up' }))).toBe(
      'SUGGESTION_STALE',
    );
  });

  it('lists the habits at risk after recomputing, most consecutive misses first', async () => {
    const { service, habitsService, user, clock } = await setup();
    const old = await habitsService.create(user, { name: 'Old', frequency: 'daily' });
    clock.instant = new Date('2026-03-07T12:00:00Z');
    const recent = await habitsService.create(user, { name: 'Recent', frequency: 'daily' });
    await habitsService.create(user, { name: 'Paused', frequency: 'daily', status: 'paused' });
    clock.instant = new Date('2026-03-10T12:00:00Z');
    const report = await service.detectRisks(user);
    expect(report.asOf).toBe('2026-03-10');
    // Old missed 03-01 … 03-09 (9 days), Recent 03-07 … 03-09 (3); today is not over yet.
    expect(report.atRisk.map((h) => [h.habitId, h.consecutiveMisses])).toEqual([
      [old.id, 9],
      [recent.id, 3],
    ]);
  });
});

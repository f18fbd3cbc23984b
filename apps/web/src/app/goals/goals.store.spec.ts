import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LiveEvents } from '../live/live-events';
import { aGoal } from '../testing/goal.factory';
import { aHabit } from '../testing/habit.factory';
import { GoalsStore } from './goals.store';

describe('GoalsStore', () => {
  let http: HttpTestingController;
  let store: GoalsStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), GoalsStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(GoalsStore);
  });

  afterEach(() => http.verify());

  const run = aHabit({ name: 'Run' });
  const read = aGoal({
    id: 'g-read',
    name: 'Read 20 books',
    currentValue: 5,
    habits: [{ habitId: run.id, contributionWeight: 0.5, count: 'completions' }],
  });

  async function answerLoad(goals = [read], habits = [run]): Promise<void> {
    http.expectOne('/api/goals').flush(goals);
    http.expectOne('/api/habits').flush(habits);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('loads the goals with the names and weights of the habits they count', async () => {
    const loaded = store.loader.load();
    expect(store.loader.status()).toBe('loading');
    await answerLoad();
    await loaded;

    expect(store.loader.status()).toBe('ready');
    expect(store.cards()).toHaveLength(1);
    expect(store.cards()[0].view.label).toMatch(/^5 of 20 books$/);
    expect(store.cards()[0].links).toEqual([{ habitId: run.id, name: 'Run', weight: '0.5' }]);
    expect(store.cards()[0].celebrating).toBe(false);
  });

  it('shows the error, then the goals after a retry', async () => {
    const failed = store.loader.load();
    http.expectOne('/api/goals').flush(null, { status: 0, statusText: 'Unknown Error' });
    http.expectOne('/api/habits').flush([run]);
    await failed;
    expect(store.loader.status()).toBe('error');
    expect(store.loader.error()).toMatch(/cannot be reached/);

    const retried = store.loader.load();
    await answerLoad();
    await retried;
    expect(store.loader.status()).toBe('ready');
    expect(store.cards().map((card) => card.goal.id)).toEqual(['g-read']);
  });

  it('celebrates a goal reached by a live event, and ignores an older snapshot', async () => {
    const loaded = store.loader.load();
    await answerLoad();
    await loaded;
    const live = TestBed.inject(LiveEvents);

    live.publish({
      type: 'goal_completed',
      seq: 1,
      payload: { goal: { ...read, version: 1, currentValue: 20, isCompleted: true } },
    });
    expect(store.cards()[0].goal.currentValue).toBe(5); // same version: not newer

    live.publish({
      type: 'goal_completed',
      seq: 2,
      payload: { goal: { ...read, version: 2, currentValue: 20, isCompleted: true } },
    });
    expect(store.cards()[0].goal.currentValue).toBe(20);
    expect(store.cards()[0].celebrating).toBe(true);
  });

  it('drops goals the server no longer has on a refresh, and says when a delete fails', async () => {
    const other = aGoal({ id: 'g-other', name: 'Walk 100 km' });
    const loaded = store.loader.load();
    await answerLoad([read, other]);
    await loaded;
    expect(store.cards()).toHaveLength(2);

    const refreshed = store.loader.refresh();
    await answerLoad([other]);
    await refreshed;
    expect(store.cards().map((card) => card.goal.id)).toEqual(['g-other']);

    const deleted = store.deleteGoal(other);
    http
      .expectOne('/api/goals/g-other')
      .flush(
        { statusCode: 404, error: 'Not Found', code: 'GOAL_NOT_FOUND', message: 'x' },
        { status: 404, statusText: 'Not Found' },
      );
    await deleted;
    expect(store.actionError()).toMatch(/^“Walk 100 km” was not deleted\./);
    expect(store.cards()).toHaveLength(1);
  });
});

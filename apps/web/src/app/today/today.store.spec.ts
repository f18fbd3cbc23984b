import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aHabit, aWeeklyHabit } from '../testing/habit.factory';
import { TodayStore } from './today.store';

describe('TodayStore', () => {
  let http: HttpTestingController;
  let store: TodayStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), TodayStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TodayStore);
  });

  afterEach(() => http.verify());

  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function loadWith(...habits: ReturnType<typeof aHabit>[]): Promise<void> {
    const loaded = store.loader.load();
    expect(store.loader.status()).toBe('loading');
    http.expectOne('/api/habits').flush(habits);
    await loaded;
  }

  it('shows the due habits, and an error state when the list cannot be loaded', async () => {
    const loaded = store.loader.load();
    http.expectOne('/api/habits').flush(null, { status: 0, statusText: 'Unknown Error' });
    await loaded;
    expect(store.loader.status()).toBe('error');
    expect(store.loader.error()).toMatch(/cannot be reached/);

    const due = aHabit();
    await loadWith(due, aHabit({ dueToday: false }));
    expect(store.loader.status()).toBe('ready');
    expect(store.habits().map((h) => h.id)).toEqual([due.id]);
  });

  it('logs done at once, then takes the server’s snapshot', async () => {
    const habit = aWeeklyHabit({ week: { done: 1, quota: 3 }, version: 4 });
    await loadWith(habit);
    const logged = store.logToday(habit, 'done');
    expect(store.habits()[0].week).toEqual({ done: 2, quota: 3 });
    expect(store.isBusy(habit.id)).toBe(true);

    const request = http.expectOne('/api/habit-logs');
    expect(request.request.body).toEqual({ habitId: habit.id, status: 'done' });
    const fromServer = {
      ...habit,
      version: 5,
      week: { done: 2, quota: 3 },
      todayLog: { id: 'log-1', status: 'done' as const, notes: null },
    };
    request.flush({
      log: { id: 'log-1', habitId: habit.id, logDate: '2026-11-25', status: 'done', notes: null },
      habit: fromServer,
    });
    await logged;
    expect(store.habits()[0]).toEqual(fromServer);
    expect(store.doneCount()).toBe(1);
    expect(store.isBusy(habit.id)).toBe(false);

    // A slower list read carrying the older version does not undo the log.
    const refreshed = store.refresh(true);
    await tick();
    http.expectOne('/api/habits').flush([habit]);
    await refreshed;
    expect(store.habits()[0].todayLog?.id).toBe('log-1');
  });

  it('undoes with the log’s id and puts the habit back when the server refuses', async () => {
    const habit = aHabit({
      version: 7,
      currentStreak: 3,
      todayLog: { id: 'log-7', status: 'done', notes: null, value: null },
    });
    await loadWith(habit);
    const undone = store.undoToday(habit);
    expect(store.habits()[0].currentStreak).toBe(2);
    expect(store.habits()[0].todayLog).toBeNull();
    http
      .expectOne('/api/habit-logs/log-7')
      .flush(
        { statusCode: 404, error: 'Not Found', code: 'LOG_NOT_FOUND', message: 'No such log.' },
        { status: 404, statusText: 'Not Found' },
      );
    await undone;
    expect(store.habits()[0]).toEqual(habit);
    expect(store.actionError()).toContain(habit.name);
  });

  it('takes habit snapshots from real-time events, ignoring ones that are not newer', async () => {
    const habit = aHabit({ version: 3, currentStreak: 2 });
    await loadWith(habit);
    store.applyServerEvent({
      type: 'streak_update',
      seq: 1,
      payload: { habit: { ...habit, version: 3, currentStreak: 9 } },
    });
    expect(store.habits()[0].currentStreak).toBe(2);
    store.applyServerEvent({
      type: 'habit_at_risk',
      seq: 2,
      payload: { habit: { ...habit, version: 4, status: 'at_risk' }, consecutiveMisses: 2 },
    });
    expect(store.habits()[0]).toMatchObject({ version: 4, status: 'at_risk' });
  });
});

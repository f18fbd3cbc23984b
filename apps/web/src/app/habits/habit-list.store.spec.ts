import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aHabit } from '../testing/habit.factory';
import { HabitListStore } from './habit-list.store';

describe('HabitListStore', () => {
  let http: HttpTestingController;
  let store: HabitListStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), HabitListStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(HabitListStore);
  });

  afterEach(() => http.verify());

  it('shows a new filter from the loading state; a slow answer to the old filter is dropped', async () => {
    const all = [aHabit({ name: 'Run' }), aHabit({ name: 'Read', status: 'paused' })];
    const paused = [all[1]];

    const first = store.load(null);
    const second = store.load('paused');
    expect(store.loader.status()).toBe('loading');
    const [allRequest, pausedRequest] = http.match((request) => request.url === '/api/habits');
    expect(allRequest.request.params.get('status')).toBeNull();
    expect(pausedRequest.request.params.get('status')).toBe('paused');

    pausedRequest.flush(paused);
    await second;
    allRequest.flush(all);
    await first;
    expect(store.loader.status()).toBe('ready');
    expect(store.habits().map((habit) => habit.name)).toEqual(['Read']);
  });

  it('shows the error, and “Try again” reads the same filter', async () => {
    const failed = store.load('active');
    http
      .expectOne((request) => request.params.get('status') === 'active')
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await failed;
    expect(store.loader.status()).toBe('error');
    expect(store.loader.error()).toMatch(/busy or starting up/);

    const retried = store.loader.load();
    http
      .expectOne((request) => request.params.get('status') === 'active')
      .flush([aHabit({ name: 'Walk' })]);
    await retried;
    expect(store.loader.status()).toBe('ready');
    expect(store.habits().map((habit) => habit.name)).toEqual(['Walk']);
  });
});

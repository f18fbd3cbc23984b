import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// Every analytics and suggestions endpoint issues a fixed number of SQL statements (the
// `x-query-count` header, the guard's user lookup included): the same for a user with 5
// habits as for one with 50. Reads never load every log of every habit.
const NOW = '2026-03-10T12:00:00Z';

interface Account {
  who: SignedUp;
  /** A daily habit with no logs since 02-20: consistency 0, so easier_difficulty holds. */
  first: string;
}

describe(`analytics and suggestions statement counts (${testDb()})`, () => {
  let t: TestApp;
  let small: Account;
  let large: Account;

  function must(res: request.Response, status: number): request.Response {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  }

  /** `count` habits mixing daily, weekly 3× and Mon/Wed/Fri, some paused, most with logs. */
  async function account(count: number): Promise<Account> {
    const who = await signUp(t.http, { timezone: 'Europe/Berlin' });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const schedule = [
        { frequency: 'daily' },
        { frequency: 'weekly', timesPerWeek: 3 },
        { frequency: 'custom', daysOfWeek: [1, 3, 5] },
      ][i % 3];
      const res = await request(t.http)
        .post('/api/habits')
        .set(who.auth)
        .send({
          name: `Habit ${i}`,
          ...schedule,
          startDate: '2026-02-20',
          ...(i % 5 === 4 ? { pausePeriods: [{ from: '2026-03-01', to: '2026-03-03' }] } : {}),
        });
      ids.push(must(res, 201).body.id);
      if (i === 0) continue;
      for (const logDate of ['2026-03-06', '2026-03-09']) {
        must(
          await request(t.http)
            .post('/api/habit-logs')
            .set(who.auth)
            .send({ habitId: ids[i], logDate, status: 'done' }),
          201,
        );
      }
    }
    must(
      await request(t.http)
        .post('/api/goals')
        .set(who.auth)
        .send({ name: 'Goal', targetValue: 10, unit: 'times', habits: [{ habitId: ids[1] }] }),
      201,
    );
    return { who, first: ids[0] };
  }

  /** The statements each endpoint issued for this account, in a fixed order. */
  async function countsOf({ who, first }: Account): Promise<Record<string, number>> {
    const calls: [string, () => request.Test, number][] = [
      ['getDashboard', () => request(t.http).get('/api/analytics/dashboard'), 200],
      ['getHeatmap', () => request(t.http).get('/api/analytics/heatmap'), 200],
      ['getHabitHeatmap', () => request(t.http).get(`/api/analytics/habits/${first}/heatmap`), 200],
      [
        'getHabitWeeklyStats',
        () => request(t.http).get(`/api/analytics/habits/${first}/weekly?weeks=53`),
        200,
      ],
      [
        'getHabitMonthlyStats',
        () => request(t.http).get(`/api/analytics/habits/${first}/monthly?months=24`),
        200,
      ],
      [
        'getHabitConsistencyTrend',
        () => request(t.http).get(`/api/analytics/habits/${first}/consistency-trend?days=371`),
        200,
      ],
      [
        'getAdaptiveSuggestions',
        () => request(t.http).get(`/api/suggestions/habits/${first}/adaptive`),
        200,
      ],
      [
        'dismissSuggestion',
        () =>
          request(t.http)
            .post(`/api/suggestions/habits/${first}/dismiss`)
            .send({ type: 'level_up' }),
        204,
      ],
      [
        'applySuggestion',
        () =>
          request(t.http)
            .post(`/api/suggestions/habits/${first}/apply`)
            .send({ type: 'easier_difficulty' }),
        200,
      ],
      ['detectRisks', () => request(t.http).post('/api/suggestions/detect-risks'), 200],
    ];
    const counts: Record<string, number> = {};
    for (const [name, call, status] of calls) {
      const res = must(await call().set(who.auth), status);
      counts[name] = Number(res.headers['x-query-count']);
    }
    return counts;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    small = await account(5);
    large = await account(50);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('issues the same number of statements for 50 habits as for 5, on every endpoint', async () => {
    const few = await countsOf(small);
    const many = await countsOf(large);
    expect(many).toEqual(few);
    // Reads: the user lookup, the freshness check, then the habits as plain rows with only the
    // logs the read shows, in one statement; the dashboard adds the goal counts, the adaptive
    // suggestions the dismissed types. Writes run in one transaction (measured: dismiss 4,
    // apply 13, detect-risks 14).
    expect(few).toMatchObject({
      getDashboard: 4,
      getHeatmap: 3,
      getHabitHeatmap: 3,
      getHabitWeeklyStats: 3,
      getHabitMonthlyStats: 3,
      getHabitConsistencyTrend: 3,
      getAdaptiveSuggestions: 4,
    });
    expect(Math.max(...Object.values(few))).toBeLessThanOrEqual(15);
  });
});

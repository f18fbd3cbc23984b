import { percent, toHeatmapDayDto, toPeriodStatsDto } from '@app/analytics';
import type { LocalDate } from '@app/contracts';
import type { HabitEntity } from '@app/database';
import {
  addDays,
  computeHabitStats,
  consistencyAsOf,
  evaluateSuggestions,
  type HabitHistory,
  heatmap,
  monthlyTotals,
  weeklyTotals,
} from '@app/domain';
import {
  type HabitRecords,
  HabitsRepository,
  recentDaysOf,
  toHabitDto,
  toHabitHistory,
} from '@app/habits';
import { toSuggestionDto } from '@app/suggestions';
import request from 'supertest';
import { signUp, SignedUp } from '../support/auth';
import { testDb } from '../support/services';
import { startTestApp, TestApp } from '../support/test-app';

// The reads load only the logs of the range they show (plus the weeks around its boundaries
// and the look-back of the consistency window) and take history-long figures from the stored
// statistics. This checks, on close to three years of history with schedule changes, skips,
// misses, pauses and a change of time zone, that every figure of the analytics, the habit
// list and the adaptive suggestions equals the engine's computation over the whole history
// (every log).
const START = '2023-06-05';

interface Step {
  /** The instant the clock is set to before the edit. */
  at: string;
  habit: number;
  patch: Record<string, unknown>;
}

const SCHEDULES = {
  daily: { frequency: 'daily', timesPerWeek: null, daysOfWeek: null, intervalDays: null },
  weekly3: { frequency: 'weekly', timesPerWeek: 3, daysOfWeek: null, intervalDays: null },
  weekly2: { frequency: 'weekly', timesPerWeek: 2, daysOfWeek: null, intervalDays: null },
  monWedFri: { frequency: 'custom', timesPerWeek: null, daysOfWeek: [1, 3, 5], intervalDays: null },
  every3: { frequency: 'custom', timesPerWeek: null, daysOfWeek: null, intervalDays: 3 },
  every2: { frequency: 'custom', timesPerWeek: null, daysOfWeek: null, intervalDays: 2 },
};

// Schedule edits take effect on the user's today, so the clock walks through the history.
const STEPS: Step[] = [
  { at: '2024-09-04T10:00:00Z', habit: 0, patch: SCHEDULES.weekly3 }, // a Wednesday
  { at: '2024-11-12T10:00:00Z', habit: 1, patch: SCHEDULES.weekly2 },
  { at: '2025-03-06T10:00:00Z', habit: 2, patch: { status: 'paused' } }, // Thursday
  { at: '2025-03-19T10:00:00Z', habit: 2, patch: { status: 'active' } },
  { at: '2025-05-14T10:00:00Z', habit: 0, patch: SCHEDULES.monWedFri },
  { at: '2025-07-01T10:00:00Z', habit: 3, patch: SCHEDULES.every3 },
  { at: '2025-11-20T10:00:00Z', habit: 0, patch: SCHEDULES.daily },
  { at: '2025-12-24T10:00:00Z', habit: 2, patch: { status: 'paused' } },
  { at: '2026-01-05T10:00:00Z', habit: 2, patch: { status: 'active' } },
  { at: '2026-02-25T10:00:00Z', habit: 1, patch: SCHEDULES.every2 },
  { at: '2026-03-04T10:00:00Z', habit: 2, patch: SCHEDULES.daily }, // mid-week
  { at: '2026-03-05T10:00:00Z', habit: 4, patch: { status: 'archived' } },
];

// 23:30 on Tue 2026-03-10 in UTC is 13:30 on Wed 2026-03-11 in Kiritimati (UTC+14).
const NOW = '2026-03-10T23:30:00Z';

/** Set-up requests must succeed (an expect outside a test would not report as one). */
function must(res: request.Response, status: number): request.Response {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

describe(`analytics reads over years of history (${testDb()})`, () => {
  let t: TestApp;
  let user: SignedUp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-03T10:00:00Z' });
    user = await signUp(t.http, { timezone: 'UTC' });
    const created = [
      { name: 'Daily, weekly, Mon/Wed/Fri, daily', ...SCHEDULES.daily },
      { name: 'Every 3 days, weekly 2×, every 2 days', ...SCHEDULES.every3 },
      { name: 'Weekly 3× with pauses, then daily', ...SCHEDULES.weekly3 },
      {
        name: 'Mon/Wed/Fri with a pause, every 3 days',
        ...SCHEDULES.monWedFri,
        pausePeriods: [{ from: '2024-01-10', to: '2024-02-03' }],
      },
      { name: 'Daily, archived', ...SCHEDULES.daily },
    ];
    for (const body of created) {
      const res = await request(t.http)
        .post('/api/habits')
        .set(user.auth)
        .send({ ...body, startDate: START });
      ids.push(must(res, 201).body.id);
    }
    for (const step of STEPS) {
      t.clock.set(step.at);
      await signInAgain(); // the access token expired while the clock moved on
      must(
        await request(t.http)
          .patch(`/api/habits/${ids[step.habit]}`)
          .set(user.auth)
          .send(step.patch),
        200,
      );
    }
    t.clock.set(NOW);
    await signInAgain();
    // Logs on most days: done, skipped and missed mixed by a hash of the day and the habit,
    // some days unlogged; also on days a schedule does not require (they count as logged).
    await t.dataSource.query(
      `INSERT INTO habit_logs (habit_id, log_date, status)
       SELECT h.id, d::date,
              (ARRAY['done', 'done', 'done', 'skipped', 'missed'])[1 + abs(hashtext(h.id || d::date::text)) % 5]
         FROM habits h
         CROSS JOIN generate_series($2::date, $3::date, interval '1 day') AS d
        WHERE h.user_id = $1 AND abs(hashtext(d::date::text || h.id)) % 7 <> 0`,
      [user.user.id, START, '2026-03-10'],
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function signInAgain(): Promise<void> {
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password, tokenDelivery: 'body' });
    must(login, 200);
    user.auth = { Authorization: `Bearer ${login.body.accessToken}` };
  }

  /** The stored habits with every log of each (the engine's input over the whole history). */
  async function fullRecords(
    today: LocalDate,
  ): Promise<{ habit: HabitEntity; records: HabitRecords; history: HabitHistory }[]> {
    const repository = t.app.get(HabitsRepository);
    const manager = t.dataSource.manager;
    const habits = await repository.list(manager, user.user.id, undefined, 100);
    const records = await repository.recordsOf(
      manager,
      habits.map((h) => h.id),
      today,
    );
    return habits.map((habit) => {
      const record = records.get(habit.id)!;
      return { habit, records: record, history: toHabitHistory(habit, record) };
    });
  }

  async function fullHistories(today: LocalDate): Promise<Map<string, HabitHistory>> {
    return new Map((await fullRecords(today)).map((h) => [h.habit.id, h.history]));
  }

  function countsOf(histories: HabitHistory[], today: LocalDate, from: LocalDate, to: LocalDate) {
    const counts = new Map<LocalDate, Record<string, number>>();
    for (let day = from; day <= to; day = addDays(day, 1))
      counts.set(day, { done: 0, skipped: 0, missed: 0, pending: 0 });
    for (const history of histories) {
      for (const cell of heatmap(history, today, from, to)) {
        if (cell.status === 'not_due' || cell.status === 'paused') continue;
        counts.get(cell.date)![cell.status]++;
      }
    }
    return [...counts].map(([date, c]) => ({ date, ...c }));
  }

  async function get(path: string): Promise<unknown> {
    const res = await request(t.http).get(path).set(user.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function expectEveryFigureOfTheFullHistory(today: LocalDate): Promise<void> {
    const full = await fullHistories(today);
    expect(full.size).toBe(5);
    // Ranges whose ends fall mid-week, on a Monday or a Sunday, and beyond today.
    const ranges: [LocalDate, LocalDate][] = [
      [addDays(today, -364), today],
      ['2025-03-05', '2026-03-08'],
      ['2024-09-02', '2025-09-07'],
      ['2023-06-01', '2023-08-31'],
      [addDays(today, -20), addDays(today, 6)],
    ];
    for (const [from, to] of ranges) {
      expect(await get(`/api/analytics/heatmap?from=${from}&to=${to}`)).toEqual(
        countsOf([...full.values()], today, from, to),
      );
    }
    expect(await get('/api/analytics/heatmap')).toEqual(
      countsOf([...full.values()], today, addDays(today, -364), today),
    );

    for (const [id, history] of full) {
      const base = `/api/analytics/habits/${id}`;
      for (const [from, to] of ranges) {
        expect(await get(`${base}/heatmap?from=${from}&to=${to}`)).toEqual(
          heatmap(history, today, from, to).map(toHeatmapDayDto),
        );
      }
      expect(await get(`${base}/weekly?weeks=53`)).toEqual(
        weeklyTotals(history, today, 53).map(toPeriodStatsDto),
      );
      expect(await get(`${base}/monthly?months=24`)).toEqual(
        monthlyTotals(history, today, 24).map(toPeriodStatsDto),
      );
      const trend = Array.from({ length: 371 }, (_, i) => {
        const date = addDays(today, i - 370);
        return { date, consistency: consistencyAsOf(history, date) };
      });
      expect(await get(`${base}/consistency-trend?days=371`)).toEqual(trend);
    }
  }

  /** The habit list, the dashboard and the suggestions, against the whole history. */
  async function expectListDashboardAndSuggestionsOfTheFullHistory(today: LocalDate) {
    const full = await fullRecords(today);
    expect(full).toHaveLength(5);
    const json = (value: unknown) => JSON.parse(JSON.stringify(value));
    const dtos = full.map(({ habit, records }) =>
      json(
        toHabitDto(habit, records.pauses, records.todayLog, recentDaysOf(habit, records, today)),
      ),
    );
    expect(await get('/api/habits')).toEqual(dtos);
    for (const dto of dtos) expect(await get(`/api/habits/${dto.id}`)).toEqual(dto);
    expect(await get('/api/habits?status=archived')).toEqual(
      dtos.filter((d) => d.status === 'archived'),
    );

    for (const { habit, history } of full) {
      // The stored statistics are the full recomputation's (the read takes them from there).
      const expected = evaluateSuggestions(history, today, computeHabitStats(history, today));
      expect(await get(`/api/suggestions/habits/${habit.id}/adaptive`)).toEqual(
        expected.map(toSuggestionDto),
      );
    }

    const days = countsOf(
      full.map((h) => h.history),
      today,
      addDays(today, -29),
      today,
    );
    const rate = (counts: Record<string, unknown>[]) => {
      const done = counts.reduce((sum, d) => sum + (d.done as number), 0);
      const missed = counts.reduce((sum, d) => sum + (d.missed as number), 0);
      return percent(done, done + missed);
    };
    const stats = full.map(({ habit, history, records }) => ({
      habit,
      records,
      stats: computeHabitStats(history, today),
    }));
    const due = stats.filter((h) => h.stats.dueToday);
    const counted = stats.filter(
      (h) => h.habit.status !== 'archived' && h.stats.consistencyScore !== null,
    );
    const dashboard = (await get('/api/analytics/dashboard')) as Record<string, unknown>;
    expect(dashboard).toMatchObject({
      today,
      habitsByStatus: {
        active: stats.filter((h) => h.stats.status === 'active').length,
        atRisk: stats.filter((h) => h.stats.status === 'at_risk').length,
        paused: stats.filter((h) => h.stats.status === 'paused').length,
        archived: stats.filter((h) => h.stats.status === 'archived').length,
      },
      dueToday: {
        date: today,
        due: due.length,
        done: due.filter((h) => h.records.todayLog?.status === 'done').length,
        remaining: due.filter((h) => h.records.todayLog === null).length,
      },
      completionRate7d: rate(days.slice(-7)),
      completionRate30d: rate(days),
      averageConsistency: percent(
        counted.reduce((sum, h) => sum + h.stats.consistencyScore!, 0),
        100 * counted.length,
      ),
      last7Days: days.slice(-7),
    });
    const longest = (unit: 'day' | 'week') =>
      Math.max(
        0,
        ...stats
          .filter((h) => h.habit.status !== 'archived' && h.stats.streakUnit === unit)
          .map((h) => h.stats.currentStreak),
      );
    const best = dashboard.bestStreaks as { unit: string; value: number }[];
    expect(best.map((b) => [b.unit, b.value])).toEqual(
      (['day', 'week'] as const)
        .map((unit) => [unit, longest(unit)] as const)
        .filter(([, value]) => value > 0),
    );
  }

  it('gives the figures of the whole history, before and after a change of time zone', async () => {
    await expectEveryFigureOfTheFullHistory('2026-03-10');
    await expectListDashboardAndSuggestionsOfTheFullHistory('2026-03-10');

    const patched = await request(t.http)
      .patch('/api/users/me')
      .set(user.auth)
      .send({ timezone: 'Pacific/Kiritimati' });
    expect(patched.status).toBe(200);
    expect(patched.body.today).toBe('2026-03-11');
    await expectEveryFigureOfTheFullHistory('2026-03-11');
    await expectListDashboardAndSuggestionsOfTheFullHistory('2026-03-11');
  });

  it('holds figures that say something (the history is not empty)', async () => {
    // The history the figures are checked on: 5 first versions + 7 schedule edits, and pauses.
    const [shape] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM habit_schedules s JOIN habits h ON h.id = s.habit_id
                WHERE h.user_id = $1) AS schedules,
              (SELECT count(*)::int FROM habit_pauses p JOIN habits h ON h.id = p.habit_id
                WHERE h.user_id = $1) AS pauses`,
      [user.user.id],
    );
    expect(shape.schedules).toBe(12);
    expect(shape.pauses).toBeGreaterThanOrEqual(4);
    const body = (await get('/api/analytics/heatmap')) as Record<string, number>[];
    const sum = (key: string) => body.reduce((total, day) => total + day[key], 0);
    // Each status occurs in the last year (the data is mixed by a hash, not hand-picked).
    expect(sum('done')).toBeGreaterThan(0);
    expect(sum('skipped')).toBeGreaterThan(0);
    expect(sum('missed')).toBeGreaterThan(0);
  });
});

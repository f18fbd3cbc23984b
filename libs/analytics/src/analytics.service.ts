import { AppError, AuthUser } from '@app/common';
import type { LocalDate } from '@app/contracts';
import type { HabitEntity } from '@app/database';
import {
  addDays,
  CONSISTENCY_DAYS,
  CONSISTENCY_PAST_WEEKS,
  consistencyAsOf,
  diffDays,
  HabitHistory,
  heatmap,
  HeatmapDay,
  isoWeekStart,
  measureSeries,
  monthlyTotals,
  weeklyTotals,
} from '@app/domain';
import { CacheStore } from '@app/cache';
import { UnitOfWork } from '@app/unit-of-work';
import {
  HabitFreshnessService,
  habitNotFound,
  HabitsRepository,
  MAX_HABITS_PER_USER,
  streakUnitOf,
  toHabitHistory,
} from '@app/habits';
import { Injectable } from '@nestjs/common';
import {
  BestStreakDto,
  ConsistencyPointDto,
  ConsistencyTrendQueryDto,
  DashboardDto,
  HeatmapCountsDto,
  HeatmapDayDto,
  HeatmapQueryDto,
  MeasurePointDto,
  MeasureSeriesQueryDto,
  MonthlyStatsQueryDto,
  percent,
  PeriodStatsDto,
  toHeatmapDayDto,
  toPeriodStatsDto,
  WeeklyStatsQueryDto,
} from './analytics.dto';
import { AnalyticsRepository } from './analytics.repository';

export const DEFAULT_HEATMAP_DAYS = 365;
export const MAX_HEATMAP_DAYS = 371;
export const DEFAULT_WEEKS = 12;
export const DEFAULT_MONTHS = 6;
export const DEFAULT_TREND_DAYS = 30;
/** The dashboard looks back this many days (completion rate; the last 7 days are its tail). */
const DASHBOARD_DAYS = 30;

/** The first day whose log the consistency window ending on `day` can read (30 days, or 4 weeks before its ISO week). */
function consistencyLookBack(day: LocalDate): LocalDate {
  const dayBased = addDays(day, -(CONSISTENCY_DAYS - 1));
  const weekly = addDays(isoWeekStart(day), -7 * CONSISTENCY_PAST_WEEKS);
  return dayBased < weekly ? dayBased : weekly;
}

/**
 * The first day a measurable habit's consistency window ending on `day` can read: the 1st of
 * the month 3 months before (its widest window: 3 past months plus the current one).
 */
function measureLookBack(day: LocalDate): LocalDate {
  return firstOfMonthBefore(day, 3);
}

/** Where a habit's reads on `day` start: a measurable habit's months reach further back. */
function lookBackOf(history: HabitHistory, day: LocalDate): LocalDate {
  return history.kind === 'measure' ? measureLookBack(day) : consistencyLookBack(day);
}

/** A weekly habit's cell depends on its whole ISO week: the logs up to that Sunday (or today). */
function lastNeededDay(to: LocalDate, today: LocalDate): LocalDate {
  const sunday = addDays(isoWeekStart(to), 6);
  return sunday < today ? sunday : today;
}

function firstOfMonthBefore(today: LocalDate, monthsBack: number): LocalDate {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - monthsBack;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Per-day counts of the heatmap statuses that say something (not_due and paused are left out). */
function countByDay(from: LocalDate, days: number, heatmaps: HeatmapDay[][]): HeatmapCountsDto[] {
  const counts = Array.from({ length: days }, (_, i) => ({
    date: addDays(from, i),
    done: 0,
    skipped: 0,
    missed: 0,
    pending: 0,
  }));
  for (const cells of heatmaps) {
    cells.forEach((cell, i) => {
      const status = cell.status;
      if (status !== 'not_due' && status !== 'paused') counts[i][status]++;
    });
  }
  return counts;
}

function completionRate(days: HeatmapCountsDto[]): number | null {
  const done = days.reduce((sum, d) => sum + d.done, 0);
  const missed = days.reduce((sum, d) => sum + d.missed, 0);
  return percent(done, done + missed);
}

function bestStreaks(habits: HabitEntity[]): BestStreakDto[] {
  const best = new Map<'day' | 'week' | 'month', BestStreakDto>();
  for (const habit of habits) {
    if (habit.status === 'archived' || habit.currentStreak === 0) continue;
    const unit = streakUnitOf(habit);
    const current = best.get(unit);
    if (!current || habit.currentStreak > current.value)
      best.set(unit, { habitId: habit.id, value: habit.currentStreak, unit });
  }
  return (['day', 'week', 'month'] as const).flatMap((unit) => best.get(unit) ?? []);
}

/**
 * Dashboard and per-habit charts (SPEC.md §4 "Analytics"), computed by the engine from stored
 * statistics and a bounded slice of logs: a fixed number of statements per request, whatever
 * the number of habits, and never every log of every habit.
 */
/** Dashboards are cached for at most this long (invalidated sooner by any write). */
export const DASHBOARD_CACHE_SECONDS = 3600;

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly freshness: HabitFreshnessService,
    private readonly analytics: AnalyticsRepository,
    private readonly cache: CacheStore,
  ) {}

  /**
   * Served from the cache while the user has not written since and their day has not moved on
   * (a hit costs no SQL statement); otherwise computed after bringing the statistics to today.
   */
  async dashboard(user: AuthUser): Promise<DashboardDto> {
    const key = `dashboard:${this.uow.todayOf(user)}`;
    const cached = await this.cache.get<DashboardDto>(user.id, key);
    if (cached) return cached;
    const dashboard = await this.computeDashboard(user);
    await this.cache.set(user.id, key, dashboard, DASHBOARD_CACHE_SECONDS);
    return dashboard;
  }

  private async computeDashboard(user: AuthUser): Promise<DashboardDto> {
    const today = await this.freshness.ensureFresh(user);
    const from = addDays(today, -(DASHBOARD_DAYS - 1));
    // One statement of plain rows: each habit's stored figures (history-long ones such as the
    // streaks and consistency come from there) with only the logs of the 30 days, from the
    // ISO Monday of the first (a weekly habit's day is judged by its week).
    const { listed, goals } = await this.uow.read(async (manager) => ({
      listed: await this.habits.listWithRecords(manager, user.id, {
        limit: MAX_HABITS_PER_USER,
        from: isoWeekStart(from),
        // A weekly habit's week is judged from its Monday, a measurable habit's month from its 1st.
        measureFrom: firstOfMonthBefore(isoWeekStart(from), 0),
        to: today,
        today,
      }),
      goals: await this.analytics.goalCounts(manager, user.id, today),
    }));
    const habits = listed.map((h) => h.habit);
    const days = countByDay(
      from,
      DASHBOARD_DAYS,
      listed.map(({ habit, records }) =>
        heatmap(toHabitHistory(habit, records), today, from, today),
      ),
    );
    const todayLogs = new Map(listed.map(({ habit, records }) => [habit.id, records.todayLog]));
    const last7Days = days.slice(-7);
    const due = habits.filter((h) => h.dueToday);
    const counted = habits.filter((h) => h.status !== 'archived' && h.consistencyScore !== null);
    const consistencySum = counted.reduce((sum, h) => sum + h.consistencyScore!, 0);
    return {
      today,
      habitsByStatus: {
        active: habits.filter((h) => h.status === 'active').length,
        atRisk: habits.filter((h) => h.status === 'at_risk').length,
        paused: habits.filter((h) => h.status === 'paused').length,
        archived: habits.filter((h) => h.status === 'archived').length,
      },
      dueToday: {
        date: today,
        due: due.length,
        // A measurable habit is done today when its period's target is met.
        done: due.filter((h) =>
          h.kind === 'measure'
            ? h.period?.outcome === 'met'
            : todayLogs.get(h.id)?.status === 'done',
        ).length,
        remaining: due.filter((h) => todayLogs.get(h.id) === null).length,
      },
      completionRate7d: completionRate(last7Days),
      completionRate30d: completionRate(days),
      bestStreaks: bestStreaks(habits),
      averageConsistency: percent(consistencySum, 100 * counted.length),
      goals,
      last7Days,
    };
  }

  /**
   * Every habit's heatmap over [from, to], as counts per day: the logs from the ISO Monday of
   * `from` (a weekly habit's cell depends on its week) to the Sunday of `to`, as plain rows.
   */
  async heatmap(user: AuthUser, query: HeatmapQueryDto): Promise<HeatmapCountsDto[]> {
    const { from, to } = this.heatmapRange(user, query);
    const today = await this.freshness.ensureFresh(user);
    const habits = await this.uow.read((manager) =>
      this.analytics.historiesBetween(
        manager,
        user.id,
        isoWeekStart(from),
        lastNeededDay(to, today),
        MAX_HABITS_PER_USER,
      ),
    );
    return countByDay(
      from,
      diffDays(to, from) + 1,
      habits.map(({ history }) => heatmap(history, today, from, to)),
    );
  }

  async habitHeatmap(
    user: AuthUser,
    habitId: string,
    query: HeatmapQueryDto,
  ): Promise<HeatmapDayDto[]> {
    const { from, to } = this.heatmapRange(user, query);
    const today = await this.freshness.ensureFresh(user);
    const history = await this.historyBetween(
      user,
      habitId,
      isoWeekStart(from),
      lastNeededDay(to, today),
    );
    return heatmap(history, today, from, to).map(toHeatmapDayDto);
  }

  async habitWeekly(
    user: AuthUser,
    habitId: string,
    query: WeeklyStatsQueryDto,
  ): Promise<PeriodStatsDto[]> {
    const weeks = query.weeks ?? DEFAULT_WEEKS;
    const today = await this.freshness.ensureFresh(user);
    const firstMonday = addDays(isoWeekStart(today), -7 * (weeks - 1));
    const history = await this.historyBetween(user, habitId, firstMonday, today);
    return weeklyTotals(history, today, weeks).map(toPeriodStatsDto);
  }

  async habitMonthly(
    user: AuthUser,
    habitId: string,
    query: MonthlyStatsQueryDto,
  ): Promise<PeriodStatsDto[]> {
    const months = query.months ?? DEFAULT_MONTHS;
    const today = await this.freshness.ensureFresh(user);
    const firstDay = firstOfMonthBefore(today, months - 1);
    const history = await this.historyBetween(user, habitId, isoWeekStart(firstDay), today);
    return monthlyTotals(history, today, months).map(toPeriodStatsDto);
  }

  async habitConsistencyTrend(
    user: AuthUser,
    habitId: string,
    query: ConsistencyTrendQueryDto,
  ): Promise<ConsistencyPointDto[]> {
    const days = query.days ?? DEFAULT_TREND_DAYS;
    const today = await this.freshness.ensureFresh(user);
    const first = addDays(today, -(days - 1));
    const history = await this.historyBetween(user, habitId, consistencyLookBack(first), today);
    // Each point reads only the logs of its own window: hand the engine that slice (the logs
    // come sorted by date), so a point costs its window, not the whole range.
    const logs = history.logs;
    let lo = 0;
    let hi = 0;
    return Array.from({ length: days }, (_, i) => {
      const date = addDays(first, i);
      const lookBack = lookBackOf(history, date);
      while (lo < logs.length && logs[lo].date < lookBack) lo++;
      // (A measurable habit's look-back is further: see lookBackOf.)
      while (hi < logs.length && logs[hi].date <= date) hi++;
      const window = { ...history, logs: logs.slice(lo, hi) };
      return { date, consistency: consistencyAsOf(window, date) };
    });
  }

  /**
   * A measurable habit's totals per period (its target's: day, ISO week or month) intersecting
   * [from, to], against the prorated target (the detail page's chart). 422 for a check habit.
   */
  async habitValues(
    user: AuthUser,
    habitId: string,
    query: MeasureSeriesQueryDto,
  ): Promise<MeasurePointDto[]> {
    const today = await this.freshness.ensureFresh(user);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(DEFAULT_TREND_DAYS - 1));
    if (from > to) throw AppError.badRequest('INVALID_RANGE', '`from` must not be after `to`.');
    if (diffDays(to, from) + 1 > MAX_HEATMAP_DAYS) {
      throw AppError.badRequest(
        'RANGE_TOO_LONG',
        `A chart covers at most ${MAX_HEATMAP_DAYS} days.`,
      );
    }
    const history = await this.historyBetween(user, habitId, from, to < today ? to : today);
    if (history.kind !== 'measure') {
      throw AppError.unprocessable(
        'HABIT_NOT_MEASURABLE',
        'Only a measurable habit has values to chart.',
      );
    }
    return measureSeries(history, today, from, to).map((point) => ({ ...point }));
  }

  /** One habit of the user with its schedule history, pauses and the logs in [from, to] (one statement). */
  private async historyBetween(
    user: AuthUser,
    habitId: string,
    from: LocalDate,
    to: LocalDate,
  ): Promise<HabitHistory> {
    const history = await this.uow.read((manager) =>
      this.analytics.historyBetween(manager, user.id, habitId, from, to),
    );
    if (!history) throw habitNotFound();
    return history;
  }

  /** `from`/`to` with their defaults (the last 365 days), checked before any query. */
  private heatmapRange(user: AuthUser, query: HeatmapQueryDto): { from: LocalDate; to: LocalDate } {
    const to = query.to ?? this.uow.todayOf(user);
    const from = query.from ?? addDays(to, -(DEFAULT_HEATMAP_DAYS - 1));
    if (from > to) throw AppError.badRequest('INVALID_RANGE', '`from` must not be after `to`.');
    if (diffDays(to, from) + 1 > MAX_HEATMAP_DAYS) {
      throw AppError.badRequest(
        'RANGE_TOO_LONG',
        `A heatmap covers at most ${MAX_HEATMAP_DAYS} days.`,
      );
    }
    return { from, to };
  }
}

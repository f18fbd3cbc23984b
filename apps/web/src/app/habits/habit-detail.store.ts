import { computed, inject, Injectable, signal } from '@angular/core';
import {
  AnalyticsService,
  HabitLogsService,
  HabitsService,
  SuggestionsService,
  type ConsistencyPointDto,
  type HabitDto,
  type HabitLogDto,
  type HeatmapDayDto,
  type MeasurePointDto,
  type PeriodStatsDto,
  type SuggestionDto,
} from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { OwnWrites } from '../live/own-writes';
import { toUserFacingError } from '../errors/user-facing-error';
import { pageLoad } from '../shared/page-load';
import { newerOf } from '../today/habit-snapshots';
import { periodsSince, type PeriodRate, weekTallyRates } from '../shared/charts/chart-series';
import { buildHeatmapGrid, heatmapRange, HEATMAP_WEEKS, type WeekTally } from './heatmap-grid';
import { addDays } from './local-dates';

export type LogStatus = HabitLogDto['status'];
export type SuggestionType = SuggestionDto['type'];

export const CHART_WEEKS = 12;
export const CHART_MONTHS = 12;
export const TREND_DAYS = 90;

/** What the page reads beside the habit, together. */
interface History {
  days: HeatmapDayDto[];
  logs: HabitLogDto[];
  weekly: PeriodStatsDto[];
  monthly: PeriodStatsDto[];
  trend: ConsistencyPointDto[];
  suggestions: SuggestionDto[];
  /** Measured habits: totals per period against the target (empty for a check habit). */
  values: MeasurePointDto[];
}

/** How far back a measured habit's chart reaches: 30 days, 12 weeks or 12 months. */
const VALUES_DAYS = { day: 30, week: 84, month: 335 } as const;

/**
 * One habit's page: the habit, its year of days and logs, its charts and suggestions. Every
 * write answers with the habit's snapshot (kept by version, like Today) and re-reads what the
 * write can change.
 */
@Injectable()
export class HabitDetailStore {
  private readonly habitsApi = inject(HabitsService);
  private readonly logsApi = inject(HabitLogsService);
  private readonly analyticsApi = inject(AnalyticsService);
  private readonly suggestionsApi = inject(SuggestionsService);
  private readonly session = inject(SessionService);
  private readonly ownWrites = inject(OwnWrites);
  private habitId = '';

  readonly habit = signal<HabitDto | null>(null);
  /** The habit: the page shows once it is read (the newest id wins), then reads its history. */
  readonly loader = pageLoad(
    () => firstValueFrom(this.habitsApi.getHabit({ id: this.habitId })),
    (habit) => {
      this.habit.set(habit);
      void this.history.load();
    },
  );
  /** The habit's year of days and logs, its charts' numbers and suggestions, read together. */
  readonly history = pageLoad(
    () => {
      const habit = this.habit();
      return habit ? this.readHistory(this.habitId, habit) : Promise.resolve(null);
    },
    (history) => {
      if (history) this.keepHistory(history);
    },
  );
  readonly actionError = signal<string | null>(null);
  /** A day's log that failed, shown in the day's own panel. */
  readonly dayError = signal<string | null>(null);
  readonly busy = signal(false);
  /** null until the first read: an empty grid would show every day as not due. */
  readonly heatmapDays = signal<HeatmapDayDto[] | null>(null);
  readonly logs = signal<ReadonlyMap<string, HabitLogDto>>(new Map());
  /** Every ISO week of the grid for a weekly habit (its weeks are drawn as weeks), else the chart's. */
  private readonly weeks = signal<PeriodStatsDto[]>([]);
  private readonly months = signal<PeriodStatsDto[]>([]);
  readonly trend = signal<ConsistencyPointDto[]>([]);
  readonly suggestions = signal<SuggestionDto[]>([]);
  readonly values = signal<MeasurePointDto[]>([]);

  readonly today = computed(() => this.habit()?.statsAsOf ?? this.session.user()?.today ?? null);
  /** A weekly habit's weeks, done of quota (the current one as the habit counts it). */
  readonly weekTallies = computed<WeekTally[] | undefined>(() => {
    const habit = this.habit();
    if (!habit || habit.frequency !== 'weekly') return undefined;
    const tallies = this.weeks().map((w) => ({
      monday: w.periodStart,
      done: w.done,
      quota: w.expected,
    }));
    const current = tallies.at(-1);
    if (current && habit.week) Object.assign(current, habit.week);
    return tallies;
  });
  /** The weekly chart's bars: a weekly habit's weeks by their quota; none before the start. */
  readonly chartWeeks = computed<PeriodRate[]>(() => {
    const habit = this.habit();
    const tallies = this.weekTallies();
    const weeks = tallies ? weekTallyRates(tallies) : this.weeks();
    const recent = weeks.slice(-CHART_WEEKS);
    return habit ? periodsSince(recent, habit.startDate, 'week') : recent;
  });
  readonly chartMonths = computed<PeriodRate[]>(() => {
    const habit = this.habit();
    return habit ? periodsSince(this.months(), habit.startDate, 'month') : this.months();
  });
  readonly grid = computed(() => {
    const today = this.today();
    const days = this.heatmapDays();
    const habit = this.habit();
    return today && days && habit
      ? buildHeatmapGrid(days, today, {
          startDate: habit.startDate,
          weekTallies: this.weekTallies(),
          ...(habit.kind === 'measure' ? { measureUnit: habit.unit ?? '' } : {}),
        })
      : null;
  });

  /** Shows the habit `habitId` (the loading state first). */
  load(habitId: string): Promise<void> {
    this.habitId = habitId;
    return this.loader.load();
  }

  /** Logs `status` (with notes) on a day; a second log the same day replaces the first. */
  logDay(logDate: string, status: LogStatus, notes: string): Promise<void> {
    return this.write(async () => {
      const { habit } = await firstValueFrom(
        this.logsApi.logHabit({
          body: { habitId: this.habitId, logDate, status, notes: notes.trim() || null },
        }),
      );
      return habit;
    }, this.dayError);
  }

  clearDay(logDate: string): Promise<void> {
    const log = this.logs().get(logDate);
    if (!log) return Promise.resolve();
    return this.write(async () => {
      const { habit } = await firstValueFrom(this.logsApi.deleteHabitLog({ id: log.id }));
      return habit;
    }, this.dayError);
  }

  applySuggestion(type: SuggestionType): Promise<void> {
    return this.write(() =>
      firstValueFrom(this.suggestionsApi.applySuggestion({ id: this.habitId, body: { type } })),
    );
  }

  async dismissSuggestion(type: SuggestionType): Promise<void> {
    await this.write(async () => {
      await firstValueFrom(
        this.suggestionsApi.dismissSuggestion({ id: this.habitId, body: { type } }),
      );
      return null;
    });
  }

  /** A snapshot from elsewhere on the page (pause, resume, archive). */
  async receive(habit: HabitDto): Promise<void> {
    this.keep(habit);
    await this.reloadHistory();
  }

  private keep(habit: HabitDto): void {
    this.habit.update((held) => newerOf(held ?? undefined, habit));
  }

  private async write(
    call: () => Promise<HabitDto | null>,
    errorTo = this.actionError,
  ): Promise<void> {
    if (this.busy()) return;
    this.ownWrites.note(this.habitId);
    this.busy.set(true);
    this.actionError.set(null);
    this.dayError.set(null);
    try {
      const habit = await call();
      if (habit) this.keep(habit);
      await this.reloadHistory();
    } catch (error) {
      const failure = toUserFacingError(error);
      errorTo.set(failure.message);
      if (failure.status === 409) await this.reloadHistory();
    } finally {
      this.busy.set(false);
    }
  }

  private async reloadHistory(): Promise<void> {
    const habit = this.habit();
    const history = habit ? await this.readHistory(this.habitId, habit) : null;
    if (history) this.keepHistory(history);
  }

  /** The year of days and logs, the charts' numbers and the suggestions, read together. */
  private async readHistory(id: string, habit: HabitDto): Promise<History | null> {
    const today = habit.statsAsOf ?? this.session.user()?.today ?? null;
    if (!today) return null;
    const { from, to } = heatmapRange(today);
    const weeks = habit.frequency === 'weekly' ? HEATMAP_WEEKS : CHART_WEEKS;
    // From the habit's start at the earliest: periods before it have nothing to show.
    const reach = habit.target ? addDays(today, -(VALUES_DAYS[habit.target.period] - 1)) : null;
    const valuesFrom = reach && reach < habit.startDate ? habit.startDate : reach;
    const [days, logs, weekly, monthly, trend, suggestions, values] = await Promise.all([
      firstValueFrom(this.analyticsApi.getHabitHeatmap({ id, from, to })),
      firstValueFrom(this.logsApi.listHabitLogs({ id, from, to })),
      firstValueFrom(this.analyticsApi.getHabitWeeklyStats({ id, weeks })),
      firstValueFrom(this.analyticsApi.getHabitMonthlyStats({ id, months: CHART_MONTHS })),
      firstValueFrom(this.analyticsApi.getHabitConsistencyTrend({ id, days: TREND_DAYS })),
      firstValueFrom(this.suggestionsApi.getAdaptiveSuggestions({ id })),
      habit.kind === 'measure' && valuesFrom
        ? firstValueFrom(this.analyticsApi.getHabitValues({ id, from: valuesFrom, to: today }))
        : Promise.resolve([]),
    ]);
    return { days, logs, weekly, monthly, trend, suggestions, values };
  }

  private keepHistory(history: History): void {
    this.heatmapDays.set(history.days);
    this.logs.set(new Map(history.logs.map((log) => [log.logDate, log])));
    this.weeks.set(history.weekly);
    this.months.set(history.monthly);
    this.trend.set(history.trend);
    this.suggestions.set(history.suggestions);
    this.values.set(history.values);
  }
}

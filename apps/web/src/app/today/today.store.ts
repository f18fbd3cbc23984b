import type { ServerEvent } from '@app/contracts';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { HabitLogsService, HabitsService, type HabitDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { toUserFacingError } from '../errors/user-facing-error';
import { pageLoad } from '../shared/page-load';
import { LiveEvents } from '../live/live-events';
import { OwnWrites } from '../live/own-writes';
import { DayLogWriter } from '../habits/day-log-writer.service';
import { type DayLogStatus, withDayLog } from '../habits/recent-days';
import { delayUntilNextDay } from './day-clock';
import {
  isOnToday,
  mergeList,
  mergeOne,
  PENDING_LOG_ID,
  TodayStatus,
  withTodayAmount,
  withTodayLog,
} from './habit-snapshots';

/** Focus and `online` often fire together; one refresh is enough. */
const MIN_REFRESH_INTERVAL_MS = 2_000;

/**
 * Today's habits: loaded for the user's day, changed optimistically by a tap and then set to the
 * server's snapshot, refreshed at the user's day start, on window focus and when back online.
 */
@Injectable()
export class TodayStore {
  private readonly habitsApi = inject(HabitsService);
  private readonly logsApi = inject(HabitLogsService);
  private readonly dayWriter = inject(DayLogWriter);
  private readonly ownWrites = inject(OwnWrites);
  private readonly session = inject(SessionService);
  private readonly snapshots = signal<HabitDto[]>([]);
  private readonly busyIds = signal<ReadonlySet<string>>(new Set());
  private lastRefresh = 0;

  /** The list's load: loading, ready (kept through failed refreshes) or error. */
  readonly loader = pageLoad(
    () => firstValueFrom(this.habitsApi.listHabits()),
    (list) => this.snapshots.update((held) => mergeList(held, list)),
  );
  /** The last failed tap, in words; cleared by the next one. */
  readonly actionError = signal<string | null>(null);
  readonly today = computed(() => this.session.user()?.today ?? null);
  readonly habits = computed(() => this.snapshots().filter(isOnToday));
  /** Done today: a check habit logged done, a measured one whose period's target is met. */
  readonly doneCount = computed(
    () =>
      this.habits().filter((habit) =>
        habit.kind === 'measure'
          ? habit.period?.outcome === 'met'
          : habit.todayLog?.status === 'done',
      ).length,
  );

  constructor() {
    const destroyRef = inject(DestroyRef);
    // Logs and streaks from another tab or device, as they happen (and after a reconnect).
    const live = inject(LiveEvents);
    live.events$
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((event) => this.applyServerEvent(event));
    live.resync$.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => void this.refresh(true));
    // Roll the date and the list over at the user's next day start.
    effect((onCleanup) => {
      const nextDayStartsAt = this.session.user()?.nextDayStartsAt;
      if (!nextDayStartsAt) return;
      const timer = setTimeout(() => void this.refresh(true), delayUntilNextDay(nextDayStartsAt));
      onCleanup(() => clearTimeout(timer));
    });
    const refreshWhenBack = () => void this.refresh();
    const refreshWhenVisible = () => {
      if (document.visibilityState === 'visible') void this.refresh();
    };
    window.addEventListener('focus', refreshWhenBack);
    window.addEventListener('online', refreshWhenBack);
    document.addEventListener('visibilitychange', refreshWhenVisible);
    destroyRef.onDestroy(() => {
      window.removeEventListener('focus', refreshWhenBack);
      window.removeEventListener('online', refreshWhenBack);
      document.removeEventListener('visibilitychange', refreshWhenVisible);
    });
  }

  isBusy(habitId: string): boolean {
    return this.busyIds().has(habitId);
  }

  /** Re-reads the user's day and the habits without blanking the list. */
  async refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastRefresh < MIN_REFRESH_INTERVAL_MS) return;
    this.lastRefresh = now;
    try {
      await this.session.reloadUser();
    } catch (error) {
      // The habits request below reports the same failure to the user.
      console.warn('could not re-read the user', error);
    }
    await this.loader.refresh();
  }

  /** Adds a habit the user just created (it may not be due today). */
  receive(habit: HabitDto): void {
    this.snapshots.update((held) => mergeOne(held, habit));
  }

  /**
   * A real-time event (typed by libs/contracts): its habit snapshot, judged by version like any
   * other. The live connection (live/) feeds it every event, in `seq` order.
   */
  applyServerEvent(event: ServerEvent): void {
    switch (event.type) {
      case 'habit_logged':
      case 'streak_update':
      case 'habit_at_risk':
        this.receive(event.payload.habit);
        break;
      default:
        break; // goals and nudges are not on Today
    }
  }

  logToday(habit: HabitDto, status: TodayStatus): Promise<void> {
    return this.mutate(habit, withTodayLog(habit, status), async () => {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ body: { habitId: habit.id, status } }),
      );
      return snapshot;
    });
  }

  /**
   * A measured habit's quick add: `amount` more today, shown at once. The tap carries its own
   * Idempotency-Key, so a retried request adds once.
   */
  addToday(habit: HabitDto, amount: number): Promise<void> {
    const key = crypto.randomUUID();
    return this.mutate(habit, withTodayAmount(habit, amount, 'add'), async () => {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ 'Idempotency-Key': key, body: { habitId: habit.id, add: amount } }),
      );
      return snapshot;
    });
  }

  /** A measured habit's exact entry: today's amount becomes `value`. */
  setTodayValue(habit: HabitDto, value: number): Promise<void> {
    return this.mutate(habit, withTodayAmount(habit, value, 'set'), async () => {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ body: { habitId: habit.id, value } }),
      );
      return snapshot;
    });
  }

  /** One tap on the strip: `date` becomes `status` (null: its log is removed). */
  setDay(habit: HabitDto, date: string, status: DayLogStatus | null): Promise<void> {
    return this.mutate(habit, withDayLog(habit, date, status), () =>
      this.dayWriter.setDay(habit, date, status),
    );
  }

  undoToday(habit: HabitDto): Promise<void> {
    const logId = habit.todayLog?.id;
    if (!logId || logId === PENDING_LOG_ID) return Promise.resolve();
    return this.mutate(habit, withTodayLog(habit, null), async () => {
      const { habit: snapshot } = await firstValueFrom(this.logsApi.deleteHabitLog({ id: logId }));
      return snapshot;
    });
  }

  /** Shows `guess` at once, then the server's snapshot; puts the old one back if the call fails. */
  private async mutate(
    before: HabitDto,
    guess: HabitDto,
    call: () => Promise<HabitDto>,
  ): Promise<void> {
    if (this.isBusy(before.id)) return;
    this.ownWrites.note(before.id);
    this.setBusy(before.id, true);
    this.actionError.set(null);
    this.replace(guess);
    try {
      const snapshot = await call();
      // The guess is ours, not a server snapshot: the answer always replaces it. Anything else
      // that arrived meanwhile (a list read) is judged by version as usual.
      if (this.snapshots().includes(guess)) this.replace(snapshot);
      else this.receive(snapshot);
    } catch (error) {
      this.restore(before, guess);
      this.actionError.set(`“${before.name}” was not updated. ${toUserFacingError(error).message}`);
    } finally {
      this.setBusy(before.id, false);
    }
  }

  /** Puts a habit in place whatever its version (the optimistic guess, or the answer to it). */
  private replace(habit: HabitDto): void {
    this.snapshots.update((held) => held.map((h) => (h.id === habit.id ? habit : h)));
  }

  /** Back to `before`, unless a snapshot from the server replaced the guess meanwhile. */
  private restore(before: HabitDto, guess: HabitDto): void {
    this.snapshots.update((held) => held.map((h) => (h === guess ? before : h)));
  }

  private setBusy(habitId: string, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(habitId);
      else next.delete(habitId);
      return next;
    });
  }
}

import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { HabitsService, type HabitDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toUserFacingError } from '../errors/user-facing-error';
import { LiveEvents } from '../live/live-events';
import { pageLoad } from '../shared/page-load';
import { mergeList, mergeOne } from '../today/habit-snapshots';
import { DayLogWriter } from './day-log-writer.service';
import { type DayLogStatus, withDayLog } from './recent-days';

export type HabitStatusFilter = 'active' | 'at_risk' | 'paused' | 'archived';

/**
 * The habits list: loaded per status filter, its days toggled optimistically (each snapshot
 * judged by `version`, like Today), its order changed with move up/down.
 */
@Injectable()
export class HabitListStore {
  private readonly habitsApi = inject(HabitsService);
  private readonly dayWriter = inject(DayLogWriter);
  private readonly busyIds = signal<ReadonlySet<string>>(new Set());
  private filter: HabitStatusFilter | null = null;

  readonly habits = signal<HabitDto[]>([]);
  /** The list of the current filter: loading, ready or error (a newer filter's answer wins). */
  readonly loader = pageLoad(
    () => firstValueFrom(this.habitsApi.listHabits({ status: this.filter ?? undefined })),
    (list) => this.habits.update((held) => mergeList(held, list)),
  );
  readonly actionError = signal<string | null>(null);
  readonly moving = signal(false);

  constructor() {
    const live = inject(LiveEvents);
    const destroyRef = inject(DestroyRef);
    live.events$.pipe(takeUntilDestroyed(destroyRef)).subscribe((event) => {
      if (event.type === 'habit_logged' || event.type === 'streak_update')
        this.receive(event.payload.habit as HabitDto);
    });
    // Habits added elsewhere (an import) are not in the list yet: read it again.
    live.resync$.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
      if (this.loader.ready()) void this.loader.refresh();
    });
  }

  isBusy(habitId: string): boolean {
    return this.busyIds().has(habitId);
  }

  /** Shows the habits of `filter`: a new filter starts from the loading state. */
  load(filter: HabitStatusFilter | null): Promise<void> {
    const sameList = filter === this.filter && this.loader.ready();
    this.filter = filter;
    return sameList ? this.loader.refresh() : this.loader.load();
  }

  /** A snapshot from elsewhere (the notes dialog, another tab), kept if newer. */
  receive(habit: HabitDto): void {
    if (!this.habits().some((held) => held.id === habit.id)) return;
    this.habits.update((held) => mergeOne(held, habit));
  }

  /** One tap on a habit's strip: shown at once, then the server's snapshot. */
  async setDay(habit: HabitDto, date: string, status: DayLogStatus | null): Promise<void> {
    if (this.isBusy(habit.id)) return;
    const guess = withDayLog(habit, date, status);
    this.setBusy(habit.id, true);
    this.actionError.set(null);
    this.replace(guess);
    try {
      const snapshot = await this.dayWriter.setDay(habit, date, status);
      if (this.habits().includes(guess)) this.replace(snapshot);
      else this.receive(snapshot);
    } catch (error) {
      this.habits.update((held) => held.map((h) => (h === guess ? habit : h)));
      this.actionError.set(`“${habit.name}” was not updated. ${toUserFacingError(error).message}`);
    } finally {
      this.setBusy(habit.id, false);
    }
  }

  /** Moves a habit one place up (-1) or down (+1) in the list shown; the server keeps the order. */
  async move(habit: HabitDto, by: -1 | 1): Promise<void> {
    const list = this.habits();
    const from = list.findIndex((h) => h.id === habit.id);
    const to = from + by;
    if (this.moving() || from < 0 || to < 0 || to >= list.length) return;
    const reordered = [...list];
    [reordered[from], reordered[to]] = [reordered[to], reordered[from]];
    this.moving.set(true);
    this.actionError.set(null);
    this.habits.set(reordered);
    try {
      const ordered = await firstValueFrom(
        this.habitsApi.reorderHabits({ body: { habitIds: reordered.map((h) => h.id) } }),
      );
      // The answer is every habit; keep the ones this filter shows, in the server's order.
      const shown = new Set(reordered.map((h) => h.id));
      this.habits.update((held) =>
        mergeList(
          held,
          ordered.filter((h) => shown.has(h.id)),
        ),
      );
    } catch (error) {
      this.habits.set(list);
      this.actionError.set(`The order was not saved. ${toUserFacingError(error).message}`);
    } finally {
      this.moving.set(false);
    }
  }

  private replace(habit: HabitDto): void {
    this.habits.update((held) => held.map((h) => (h.id === habit.id ? habit : h)));
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

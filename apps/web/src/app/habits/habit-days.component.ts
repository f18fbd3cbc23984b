import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { HabitDto } from '@habit-tracker/api-client';
import { LoadStateComponent } from '../shared/load-state.component';
import { DayLogComponent } from './day-log.component';
import { HabitDetailStore, type LogStatus } from './habit-detail.store';
import { MonthCalendarComponent } from './month-calendar.component';
import { YearHeatmapComponent } from './year-heatmap.component';

/**
 * A habit's days on its page: the 53-week heatmap (a month calendar on phones); a day opened
 * there shows its log panel, which logs or clears it through the page's store.
 */
@Component({
  selector: 'ht-habit-days',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DayLogComponent, LoadStateComponent, MonthCalendarComponent, YearHeatmapComponent],
  template: `
    @if (store.grid(); as grid) {
      @if (narrow()) {
        <ht-month-calendar
          [grid]="grid"
          [habitName]="habit().name"
          [selectedDate]="openDate()"
          (daySelected)="openDay($event)"
        />
      } @else {
        <ht-year-heatmap
          [grid]="grid"
          [habitName]="habit().name"
          [selectedDate]="openDate()"
          (daySelected)="openDay($event)"
        />
      }
    } @else {
      <ht-load-state
        [loader]="store.history"
        loadingText="Loading the year…"
        failedText="The habit’s days could not be loaded."
      />
    }
    @if (openDate(); as date) {
      <ht-day-log
        [date]="date"
        [dayStatus]="openDayStatus()"
        [log]="openDayLog()"
        [busy]="store.busy()"
        [error]="store.dayError()"
        (saved)="logOpenDay($event)"
        (cleared)="clearOpenDay()"
        (closed)="closeDay()"
      />
    }
  `,
})
export class HabitDaysComponent {
  protected readonly store = inject(HabitDetailStore);

  readonly habit = input.required<HabitDto>();
  /** Phones get a month calendar with thumb-sized days instead of the 53-week grid. */
  readonly narrow = input(false);

  protected readonly openDate = signal<string | null>(null);
  protected readonly openDayStatus = computed(() => {
    const date = this.openDate();
    return date ? (this.store.heatmapDays()?.find((d) => d.date === date)?.status ?? null) : null;
  });
  protected readonly openDayLog = computed(() => {
    const date = this.openDate();
    return date ? (this.store.logs().get(date) ?? null) : null;
  });

  protected openDay(date: string): void {
    this.store.dayError.set(null);
    this.openDate.set(date);
  }

  protected closeDay(): void {
    const date = this.openDate();
    this.openDate.set(null);
    if (date) document.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus();
  }

  protected logOpenDay(entry: { status: LogStatus; notes: string }): Promise<void> {
    const date = this.openDate();
    return date ? this.store.logDay(date, entry.status, entry.notes) : Promise.resolve();
  }

  protected clearOpenDay(): Promise<void> {
    const date = this.openDate();
    return date ? this.store.clearDay(date) : Promise.resolve();
  }
}

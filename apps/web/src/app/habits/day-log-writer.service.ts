import { inject, Injectable } from '@angular/core';
import { HabitLogsService, type HabitDto, type HabitLogDto } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { OwnWrites } from '../live/own-writes';
import { PENDING_LOG_ID } from '../today/habit-snapshots';
import type { DayLogStatus } from './recent-days';

/** Writes one day of a habit (a one-tap toggle or the notes dialog) and answers the habit's snapshot. */
@Injectable({ providedIn: 'root' })
export class DayLogWriter {
  private readonly logsApi = inject(HabitLogsService);
  private readonly ownWrites = inject(OwnWrites);

  /**
   * Logs `status` on `date` (keeping the day's notes), or removes the day's log when null.
   * `habit` is the snapshot held before the tap (the guess carries no real log id).
   */
  async setDay(habit: HabitDto, date: string, status: DayLogStatus | null): Promise<HabitDto> {
    this.ownWrites.note(habit.id);
    if (status !== null) {
      const { habit: snapshot } = await firstValueFrom(
        this.logsApi.logHabit({ body: { habitId: habit.id, logDate: date, status } }),
      );
      return snapshot;
    }
    const logId =
      habit.recentDays.find((day) => day.date === date)?.logId ??
      (date === habit.statsAsOf ? habit.todayLog?.id : null);
    if (!logId || logId === PENDING_LOG_ID) return habit;
    const { habit: snapshot } = await firstValueFrom(this.logsApi.deleteHabitLog({ id: logId }));
    return snapshot;
  }

  /** The day's log (with its notes), or null. */
  async readDay(habitId: string, date: string): Promise<HabitLogDto | null> {
    const logs = await firstValueFrom(
      this.logsApi.listHabitLogs({ id: habitId, from: date, to: date }),
    );
    return logs[0] ?? null;
  }

  /** Saves a day from the notes dialog: its status and notes (empty notes clear them). */
  async saveDay(
    habitId: string,
    date: string,
    status: HabitLogDto['status'],
    notes: string,
  ): Promise<HabitDto> {
    this.ownWrites.note(habitId);
    const { habit } = await firstValueFrom(
      this.logsApi.logHabit({
        body: { habitId, logDate: date, status, notes: notes.trim() || null },
      }),
    );
    return habit;
  }

  async removeLog(logId: string): Promise<HabitDto> {
    const { habit } = await firstValueFrom(this.logsApi.deleteHabitLog({ id: logId }));
    return habit;
  }
}

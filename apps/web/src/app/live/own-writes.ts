import { Injectable } from '@angular/core';

/** How long after this tab changed a habit its own consequences are not news. */
const OWN_WRITE_MS = 20_000;

/**
 * The habits this tab has just changed. A risk alert that one of them triggers (a start date
 * moved back, a day logged missed) is shown on the page the user is looking at; a toast
 * announcing it ("15 misses in a row") would only startle.
 */
@Injectable({ providedIn: 'root' })
export class OwnWrites {
  private readonly changed = new Map<string, number>();

  note(habitId: string, now: number = Date.now()): void {
    this.changed.set(habitId, now);
  }

  isRecent(habitId: string, now: number = Date.now()): boolean {
    const at = this.changed.get(habitId);
    return at !== undefined && now - at < OWN_WRITE_MS;
  }
}

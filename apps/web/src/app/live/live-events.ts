import { Injectable } from '@angular/core';
import type { ImportProgress, ServerEvent } from '@app/contracts';
import { Subject } from 'rxjs';

/**
 * The app's real-time events, in `seq` order and each once, for the pages that show what they
 * change. `resync$` asks them to reload over REST (the server no longer has what was missed).
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly eventSubject = new Subject<ServerEvent>();
  private readonly resyncSubject = new Subject<void>();
  readonly events$ = this.eventSubject.asObservable();
  readonly resync$ = this.resyncSubject.asObservable();
  private readonly importProgressSubject = new Subject<ImportProgress>();
  /** A running import's progress (passing news: not in `seq` order, never replayed). */
  readonly importProgress$ = this.importProgressSubject.asObservable();

  publish(event: ServerEvent): void {
    this.eventSubject.next(event);
  }

  requestResync(): void {
    this.resyncSubject.next();
  }

  publishImportProgress(progress: ImportProgress): void {
    this.importProgressSubject.next(progress);
  }
}

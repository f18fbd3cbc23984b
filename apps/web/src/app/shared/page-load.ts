import { computed, signal, type Signal } from '@angular/core';
import { toUserFacingError } from '../errors/user-facing-error';

/** What a page shows of its data: the loading state, the data, or the error with a retry. */
export type LoadStatus = 'loading' | 'ready' | 'error';

/** A page's data load, as signals; made by {@link pageLoad}, shown by `<ht-load-state>`. */
export interface PageLoad {
  readonly status: Signal<LoadStatus>;
  /** True once data is shown (it stays shown when a later refresh fails). */
  readonly ready: Signal<boolean>;
  /** The last failure in words, also while older data stays on screen; null after a success. */
  readonly error: Signal<string | null>;
  /** Shows the loading state, then the data or the error: the first load, "Try again", a new filter. */
  load(): Promise<void>;
  /** Reads again behind what is shown (live events, focus): a failure only sets `error`. */
  refresh(): Promise<void>;
}

/**
 * The one way a page loads its data. `read` asks the server; `keep` puts the answer in the page's
 * signals (merged by version where the page holds snapshots). Only the newest read's answer is
 * kept, so a slow answer to an older filter or id never replaces a newer one.
 *
 * Why not Angular's `resource()`: its value is dropped when a reload fails (a refresh after a
 * dropped connection would blank the list), and the stores here merge snapshots and optimistic
 * writes into signals of their own rather than hold one server value.
 */
export function pageLoad<T>(read: () => Promise<T>, keep: (answer: T) => void): PageLoad {
  const status = signal<LoadStatus>('loading');
  const error = signal<string | null>(null);
  let newest = 0;

  async function readAndKeep(): Promise<void> {
    const call = ++newest;
    try {
      const answer = await read();
      if (call !== newest) return;
      keep(answer);
      status.set('ready');
      error.set(null);
    } catch (failure) {
      if (call !== newest) return;
      // Keep showing data we already have; only an empty screen becomes an error screen.
      if (status() !== 'ready') status.set('error');
      error.set(toUserFacingError(failure).message);
    }
  }

  return {
    status: status.asReadonly(),
    ready: computed(() => status() === 'ready'),
    error: error.asReadonly(),
    load: () => {
      status.set('loading');
      return readAndKeep();
    },
    refresh: readAndKeep,
  };
}

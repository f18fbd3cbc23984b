import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/** Phones: the width below which the app shows its phone layout (bottom tabs, month view). */
export const NARROW_QUERY = '(max-width: 640px)';
/** A touch screen without a mouse: keyboard hints are left out. */
export const TOUCH_QUERY = '(hover: none) and (pointer: coarse)';

/** Whether a media query matches, as a signal that follows it (call in an injection context). */
export function mediaMatches(query: string): Signal<boolean> {
  const list = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null;
  const matches = signal(list?.matches ?? false);
  if (list) {
    const update = (event: MediaQueryListEvent) => matches.set(event.matches);
    list.addEventListener('change', update);
    inject(DestroyRef).onDestroy(() => list.removeEventListener('change', update));
  }
  return matches.asReadonly();
}

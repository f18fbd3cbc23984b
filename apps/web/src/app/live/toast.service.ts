import { Injectable, signal } from '@angular/core';
import type { ToastContent } from './toasts';

export interface Toast extends ToastContent {
  id: number;
}

const SHOW_FOR_MS = 10_000;
const MAX_SHOWN = 4;

/** The toasts on screen: newest last, a few at a time, each gone after a while or when dismissed. */
@Injectable({ providedIn: 'root' })
export class ToastService {
  private nextId = 1;
  private readonly shown = signal<Toast[]>([]);
  readonly toasts = this.shown.asReadonly();

  show(content: ToastContent): void {
    const toast: Toast = { ...content, id: this.nextId++ };
    this.shown.update((list) => [...list, toast].slice(-MAX_SHOWN));
    setTimeout(() => this.dismiss(toast.id), SHOW_FOR_MS);
  }

  dismiss(id: number): void {
    this.shown.update((list) => list.filter((toast) => toast.id !== id));
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ToastService } from './toast.service';

/** Where toasts appear: announced politely to screen readers, dismissible by keyboard. */
@Component({
  selector: 'ht-toast-outlet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="toasts" aria-label="Notifications" aria-live="polite">
      @for (toast of toastService.toasts(); track toast.id) {
        <div class="toast" [class]="'toast ' + toast.tone" data-testid="toast">
          <p class="title">{{ toast.title }}</p>
          <p class="body">{{ toast.body }}</p>
          <div class="actions">
            @if (toast.link; as link) {
              <a [routerLink]="link.url" (click)="dismiss(toast.id)">{{ link.label }}</a>
            }
            <button type="button" class="quiet" (click)="dismiss(toast.id)">
              Dismiss<span class="visually-hidden">: {{ toast.title }}</span>
            </button>
          </div>
        </div>
      }
    </section>
  `,
  styles: `
    .toasts {
      position: fixed;
      right: 1rem;
      bottom: calc(1rem + var(--tab-bar-height, 0px));
      z-index: 20;
      display: grid;
      gap: 0.5rem;
      width: min(24rem, calc(100vw - 2rem));
    }
    .toast {
      padding: 0.75rem 0.9rem;
      border-radius: 12px;
      border: 1px solid var(--line);
      border-left-width: 6px;
      background: var(--surface);
      color: var(--ink);
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    }
    .toast.success {
      border-left-color: var(--success);
    }
    .toast.warning {
      border-left-color: var(--danger);
    }
    .toast.info {
      border-left-color: var(--focus);
    }
    .title {
      margin: 0;
      font-weight: 700;
    }
    .body {
      margin: 0.2rem 0 0.3rem;
    }
    .actions {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 0.5rem;
    }
    @media (prefers-reduced-motion: no-preference) {
      .toast {
        animation: toast-in 0.25s ease-out;
      }
    }
    @keyframes toast-in {
      from {
        transform: translateY(0.75rem);
        opacity: 0;
      }
    }
  `,
})
export class ToastOutletComponent {
  protected readonly toastService = inject(ToastService);

  protected dismiss(id: number): void {
    this.toastService.dismiss(id);
  }
}

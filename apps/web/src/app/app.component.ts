import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService } from './auth/session.service';
import { LiveConnection } from './live/live-connection.service';
import { ToastOutletComponent } from './live/toast-outlet.component';

/** The shell: a header with navigation and the account, and the routed page below it. */
@Component({
  selector: 'ht-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ToastOutletComponent],
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="app-header">
      <a class="brand" routerLink="/today" aria-label="Habit Tracker, today">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <rect width="32" height="32" rx="8" fill="currentColor" />
          <path
            d="M9 16.5l4.5 4.5L23 11.5"
            fill="none"
            stroke="var(--brand-ink)"
            stroke-width="3.2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        <span>Habit Tracker</span>
      </a>
      @if (session.signedIn()) {
        <nav aria-label="Main">
          <a routerLink="/today" routerLinkActive="active" ariaCurrentWhenActive="page">Today</a>
          <a routerLink="/habits" routerLinkActive="active" ariaCurrentWhenActive="page">Habits</a>
          <a routerLink="/dashboard" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Dashboard</a
          >
          <a routerLink="/goals" routerLinkActive="active" ariaCurrentWhenActive="page">Goals</a>
          <a routerLink="/settings" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Settings</a
          >
        </nav>
        <div class="account">
          <span class="account-name" [title]="email()">{{ displayName() }}</span>
          <button type="button" class="quiet" (click)="signOut()">Sign out</button>
        </div>
      }
    </header>
    <router-outlet />
    @if (session.signedIn()) {
      <ht-toast-outlet />
    }
  `,
  styles: `
    .app-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid var(--line);
      background: var(--surface);
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--brand);
      font-weight: 700;
      text-decoration: none;
    }
    .brand span {
      color: var(--ink);
    }
    nav {
      display: flex;
      gap: 0.25rem;
    }
    nav a {
      padding: 0.4rem 0.7rem;
      border-radius: 999px;
      color: var(--ink-muted);
      text-decoration: none;
    }
    nav a.active {
      background: var(--accent-soft);
      color: var(--ink);
      font-weight: 600;
    }
    .account {
      margin-left: auto;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    .account-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 14rem;
      color: var(--ink-muted);
    }
    @media (max-width: 640px) {
      nav {
        order: 3;
        width: 100%;
        overflow-x: auto;
      }
    }
    @media (max-width: 480px) {
      .brand span,
      .account-name {
        display: none;
      }
    }
  `,
})
export class AppComponent {
  protected readonly session = inject(SessionService);
  /** Created with the shell: it connects while someone is signed in, and only then. */
  protected readonly live = inject(LiveConnection);
  protected readonly email = computed(() => this.session.user()?.email ?? '');
  protected readonly displayName = computed(() => {
    const user = this.session.user();
    return user?.fullName || user?.email || '';
  });

  protected signOut(): Promise<void> {
    return this.session.signOut();
  }
}

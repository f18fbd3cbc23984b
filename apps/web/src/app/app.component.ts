import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  untracked,
} from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService } from './auth/session.service';
import { ToastOutletComponent } from './live/toast-outlet.component';

/** Runs `task` when the browser is idle (at most 2 s later). */
function whenIdle(task: () => unknown): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => task(), { timeout: 2000 });
  else setTimeout(task, 200);
}

/** The five destinations, with the tab bar's icons (24 × 24 strokes). */
const TABS = [
  { path: '/today', label: 'Today', icon: 'M20 6 9 17l-5-5' },
  { path: '/habits', label: 'Habits', icon: 'M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01' },
  { path: '/dashboard', label: 'Dashboard', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2' },
  { path: '/goals', label: 'Goals', icon: 'M4 22V4M4 4h13l-2 4 2 4H4' },
  {
    path: '/settings',
    label: 'Settings',
    icon: 'M4 7h16M4 17h16M9 4v6M15 14v6',
  },
];

/** Admins get a sixth destination: the operations page. */
const OPERATIONS_TAB = {
  path: '/operations',
  label: 'Operations',
  icon: 'M22 12h-4l-3 9L9 3l-3 9H2',
};

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
        <!-- A row of links in the header; a tab bar at the bottom on phones (all five in reach). -->
        <nav
          aria-label="Main"
          class="tabs"
          [class.crowded]="tabs().length > 5"
          [style.--tab-count]="tabs().length"
        >
          @for (tab of tabs(); track tab.path) {
            <a [routerLink]="tab.path" routerLinkActive="active" ariaCurrentWhenActive="page">
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <path [attr.d]="tab.icon" />
              </svg>
              <span>{{ tab.label }}</span>
            </a>
          }
        </nav>
        <div class="account">
          <span class="account-name" [title]="email()">{{ displayName() }}</span>
          <button type="button" class="quiet" (click)="signOut()">Sign out</button>
        </div>
      }
    </header>
    <router-outlet />
    @if (session.signedIn()) {
      <!-- Loaded with the first signed-in page, not with sign-in (the first load stays small). -->
      @defer (on idle) {
        <ht-toast-outlet />
      }
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
      min-height: 2.75rem;
      min-width: 2.75rem;
      color: var(--brand);
      font-weight: 700;
      text-decoration: none;
    }
    .brand span {
      color: var(--ink);
    }
    .tabs {
      display: flex;
      gap: 0.25rem;
    }
    .tabs a {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.4rem 0.8rem;
      border-radius: 999px;
      color: var(--ink-muted);
      text-decoration: none;
    }
    .tabs svg {
      display: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .tabs a.active {
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
      .tabs {
        position: fixed;
        z-index: 15;
        left: 0;
        right: 0;
        bottom: 0;
        display: grid;
        grid-template-columns: repeat(var(--tab-count, 5), minmax(0, 1fr));
        gap: 0;
        padding: 0.25rem 0.25rem calc(0.25rem + env(safe-area-inset-bottom));
        border-top: 1px solid var(--line);
        background: var(--surface);
      }
      .tabs a {
        flex-direction: column;
        justify-content: center;
        gap: 0.1rem;
        min-height: 3.25rem;
        padding: 0.2rem 0;
        border-radius: 12px;
        font-size: 0.72rem;
      }
      .tabs svg {
        display: block;
      }
      .tabs.crowded a {
        font-size: 0.64rem;
      }
      .account-name {
        display: none;
      }
    }
    @media (max-width: 380px) {
      .brand span {
        display: none;
      }
    }
  `,
})
export class AppComponent {
  protected readonly session = inject(SessionService);
  protected readonly tabs = computed(() =>
    this.session.user()?.isAdmin ? [...TABS, OPERATIONS_TAB] : TABS,
  );
  private readonly injector = inject(Injector);
  private liveStarted = false;
  protected readonly email = computed(() => this.session.user()?.email ?? '');
  protected readonly displayName = computed(() => {
    const user = this.session.user();
    return user?.fullName || user?.email || '';
  });

  constructor() {
    // The live connection (Socket.IO, toasts) loads at the first sign-in, then follows the
    // session by itself: connected while someone is signed in, and only then.
    // It waits for the page to settle first: the first render matters more than a socket.
    effect(() => {
      if (!this.session.signedIn() || this.liveStarted) return;
      this.liveStarted = true;
      untracked(() =>
        whenIdle(() =>
          import('./live/live-connection.service').then((m) => this.injector.get(m.LiveConnection)),
        ),
      );
    });
  }

  protected signOut(): Promise<void> {
    return this.session.signOut();
  }
}

import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginDto, MeDto, RegisterDto, TokenResponseDto } from '@habit-tracker/api-client';
// The generated operations themselves, not the package's index nor the whole auth service: the
// first load carries only the six the session uses.
import { ApiConfiguration } from '@habit-tracker/api-client/api-configuration';
import { getMe } from '@habit-tracker/api-client/fn/auth/get-me';
import { login } from '@habit-tracker/api-client/fn/auth/login';
import { logout } from '@habit-tracker/api-client/fn/auth/logout';
import { logoutAll } from '@habit-tracker/api-client/fn/auth/logout-all';
import { refreshSession } from '@habit-tracker/api-client/fn/auth/refresh-session';
import { register } from '@habit-tracker/api-client/fn/auth/register';
import type { StrictHttpResponse } from '@habit-tracker/api-client/strict-http-response';
import { firstValueFrom, map, type Observable } from 'rxjs';
import { REFRESH_CSRF_HEADER, sessionRequestContext } from './session-request';

/** Renew this long before the access token expires, so requests never carry a stale one. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;
const MIN_RENEW_DELAY_MS = 5_000;
/**
 * Set while this browser holds a session. The refresh cookie is httpOnly (unreadable here), so
 * without this a first visit would ask the server to restore a session it never had — a 401
 * in the console on every signed-out load.
 */
const SESSION_HINT_KEY = 'habit-tracker.session';

function sessionHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true; // storage blocked: ask the server, as before
  }
}

function setSessionHint(present: boolean): void {
  try {
    if (present) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // storage blocked: restore() asks the server every time
  }
}

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

/**
 * The signed-in user and their access token. The token lives in memory only; the httpOnly
 * refresh cookie renews it before it expires and restores it after a reload.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly apiConfig = inject(ApiConfiguration);
  private readonly router = inject(Router);
  private readonly token = signal<string | null>(null);
  private readonly me = signal<MeDto | null>(null);
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshInFlight: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  private restoreInFlight: Promise<void> | null = null;

  readonly status = signal<SessionStatus>('unknown');
  readonly user = this.me.asReadonly();
  readonly accessToken = this.token.asReadonly();
  readonly signedIn = computed(() => this.status() === 'signed-in');
  /** Why the user is looking at the sign-in page, when the app sent them there. */
  readonly endedNotice = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.renewTimer));
  }

  /** At start-up: a refresh cookie, if this browser has one, brings the session back. */
  restore(): Promise<void> {
    if (this.restoreInFlight) return this.restoreInFlight;
    const run = (async () => {
      const renewed = sessionHint() && (await this.refresh());
      if (!renewed) this.status.set('signed-out');
    })().finally(() => (this.restoreInFlight = null));
    this.restoreInFlight = run;
    this.restoring = run;
    return run;
  }

  /** Whether a session was restored at start-up is known (guards wait for it). */
  settled(): Promise<void> {
    return this.restoring ?? Promise.resolve();
  }

  /** Whether this browser holds a session (so the first page is likely a signed-in one). */
  hasSessionHint(): boolean {
    return sessionHint();
  }

  async signIn(credentials: LoginDto): Promise<void> {
    const tokens = await firstValueFrom(
      this.call(login, { body: credentials }, sessionRequestContext()),
    );
    await this.start(tokens);
  }

  /** Creates the account, then signs in with the same credentials. */
  async signUp(account: RegisterDto): Promise<void> {
    await firstValueFrom(this.call(register, { body: account }, sessionRequestContext()));
    await this.signIn({ email: account.email, password: account.password });
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(
        this.call(logout, { ...REFRESH_CSRF_HEADER, body: {} }, sessionRequestContext()),
      );
    } catch (error) {
      // Signing out locally matters more than telling the server; the cookie expires anyway.
      console.warn('sign-out request failed', error);
    }
    this.clear();
    await this.router.navigateByUrl('/sign-in');
  }

  /** Ends every session of this user, on every device, then this one. */
  async signOutEverywhere(): Promise<void> {
    await firstValueFrom(this.call(logoutAll, {}));
    this.clear();
    await this.router.navigateByUrl('/sign-in');
  }

  /** The account is gone (deleted): forget it here and say so on the sign-in page. */
  async forgetDeletedAccount(): Promise<void> {
    this.clear();
    this.endedNotice.set('Your account and all its data have been deleted.');
    await this.router.navigateByUrl('/sign-in');
  }

  /** Takes the user as the server just returned it (settings saved: their day may have moved). */
  acceptUser(user: MeDto): void {
    this.me.set(user);
  }

  /** Re-reads the user (their `today` and next day start move at the user's day start). */
  async reloadUser(): Promise<MeDto | null> {
    if (!this.signedIn()) return null;
    const me = await firstValueFrom(this.call(getMe, {}));
    this.me.set(me);
    return me;
  }

  /**
   * Renews the access token with the refresh cookie. Concurrent callers share one request, and
   * tabs take turns (Web Locks), because presenting a rotated refresh token twice ends the session.
   */
  refresh(): Promise<boolean> {
    this.refreshInFlight ??= this.withRefreshLock(() => this.refreshNow()).finally(() => {
      this.refreshInFlight = null;
    });
    return this.refreshInFlight;
  }

  /** The server no longer accepts this session: back to sign-in, then back to where the user was. */
  async end(returnUrl: string = this.router.url): Promise<void> {
    this.clear();
    this.endedNotice.set('Your session has ended. Sign in again to continue.');
    const queryParams = returnUrl.startsWith('/sign-in') ? {} : { returnUrl };
    await this.router.navigate(['/sign-in'], { queryParams });
  }

  private async refreshNow(): Promise<boolean> {
    try {
      const tokens = await firstValueFrom(
        this.call(refreshSession, { ...REFRESH_CSRF_HEADER, body: {} }, sessionRequestContext()),
      );
      await this.start(tokens);
      return true;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.clear();
        return false;
      }
      // Offline or the server is restarting: keep what we have; the next request retries.
      console.warn('session refresh failed', error);
      if (this.status() === 'unknown') this.status.set('signed-out');
      return false;
    }
  }

  private async start(tokens: TokenResponseDto): Promise<void> {
    this.token.set(tokens.accessToken);
    this.scheduleRenewal(tokens.expiresIn);
    this.me.set(await firstValueFrom(this.call(getMe, {})));
    this.status.set('signed-in');
    setSessionHint(true);
    this.endedNotice.set(null);
  }

  private scheduleRenewal(expiresInSeconds: number): void {
    clearTimeout(this.renewTimer);
    const delay = Math.max(MIN_RENEW_DELAY_MS, expiresInSeconds * 1000 - RENEW_BEFORE_EXPIRY_MS);
    this.renewTimer = setTimeout(() => void this.refresh(), delay);
  }

  private clear(): void {
    setSessionHint(false);
    clearTimeout(this.renewTimer);
    this.token.set(null);
    this.me.set(null);
    this.status.set('signed-out');
  }

  /** A generated operation's response body (what the generated services return). */
  private call<P, T>(
    operation: (
      http: HttpClient,
      rootUrl: string,
      params: P,
      context?: HttpContext,
    ) => Observable<StrictHttpResponse<T>>,
    params: P,
    context?: HttpContext,
  ): Observable<T> {
    return operation(this.http, this.apiConfig.rootUrl, params, context).pipe(
      map((response) => response.body),
    );
  }

  private withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    // The lock's promise settles with the task's (a promise): unwrap it once more.
    return locks ? locks.request('habit-tracker-session-refresh', task).then((r) => r) : task();
  }
}

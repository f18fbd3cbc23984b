import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService as AuthApi } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { toAccountError } from './account-errors';

/** Opened from a nudge e-mail's unsubscribe link: `/unsubscribe?token=…`; one click, no sign-in. */
@Component({
  selector: 'ht-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Nudge e-mails</h1>
      @switch (state()) {
        @case ('working') {
          <p role="status">Unsubscribing…</p>
        }
        @case ('done') {
          <p class="notice" role="status">
            You are unsubscribed: no more nudge e-mails. Nudges still show in the app.
          </p>
          <p>Changed your mind? Turn them back on in settings.</p>
        }
        @default {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      }
      <p class="aside">
        <a [routerLink]="session.signedIn() ? '/settings' : '/sign-in'">{{
          session.signedIn() ? 'Go to settings' : 'Sign in'
        }}</a>
      </p>
    </main>
  `,
})
export class UnsubscribePage implements OnInit {
  private readonly authApi = inject(AuthApi);
  protected readonly session = inject(SessionService);
  readonly token = input<string | undefined>();
  protected readonly state = signal<'working' | 'done' | 'failed'>('working');
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.unsubscribeFromNudges();
  }

  private async unsubscribeFromNudges(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.error.set('This link is incomplete.');
      this.state.set('failed');
      return;
    }
    try {
      await firstValueFrom(this.authApi.unsubscribe({ token }));
      this.state.set('done');
      await this.session.reloadUser();
    } catch (failure) {
      this.error.set(toAccountError(failure).message);
      this.state.set('failed');
    }
  }
}

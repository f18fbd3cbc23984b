import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService as AuthApi } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../auth/session.service';
import { toAccountError } from './account-errors';

/** Opened from the verification e-mail: `/verify-email?token=…`; verifies at once. */
@Component({
  selector: 'ht-verify-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Verify your e-mail</h1>
      @switch (state()) {
        @case ('working') {
          <p role="status">Verifying…</p>
        }
        @case ('verified') {
          <p class="notice" role="status">Your e-mail address is verified. Thank you!</p>
        }
        @default {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      }
      <p class="aside">
        @if (session.signedIn()) {
          <a routerLink="/settings">Go to settings</a>
        } @else {
          <a routerLink="/sign-in">Sign in</a>
        }
      </p>
    </main>
  `,
})
export class VerifyEmailPage implements OnInit {
  private readonly authApi = inject(AuthApi);
  protected readonly session = inject(SessionService);
  readonly token = input<string | undefined>();
  protected readonly state = signal<'working' | 'verified' | 'failed'>('working');
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.verifyAddress();
  }

  private async verifyAddress(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.fail('This link is incomplete. Send a new one from settings.');
      return;
    }
    try {
      await firstValueFrom(this.authApi.verifyEmail({ body: { token } }));
      this.state.set('verified');
      await this.session.reloadUser();
    } catch (failure) {
      this.fail(toAccountError(failure).message);
    }
  }

  private fail(message: string): void {
    this.error.set(message);
    this.state.set('failed');
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AuthService as AuthApi } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from '../account/account-errors';
import { SessionService } from '../auth/session.service';

/** The user's address, whether it is verified, and a way to verify it when the server mails. */
@Component({
  selector: 'ht-email-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as me) {
      <p>
        {{ me.email }} —
        @if (me.emailVerified) {
          <strong class="verified" data-testid="email-state">verified</strong>
        } @else {
          <strong data-testid="email-state">not verified</strong>
        }
      </p>
      @if (!me.emailVerified) {
        @if (me.emailDelivery) {
          <button type="button" (click)="sendVerification()" [disabled]="sendingVerification()">
            Send verification e-mail
          </button>
        } @else {
          <p class="hint" data-testid="no-email">
            This server does not send e-mail, so there is nothing to verify: nudges stay in the app.
          </p>
        }
      }
    }
    @if (verificationMessage(); as message) {
      <p
        [attr.role]="verificationFailed() ? 'alert' : 'status'"
        [class.form-error]="verificationFailed()"
      >
        {{ message }}
      </p>
    }
  `,
  styles: `
    .hint {
      margin: 0 0 0.75rem;
    }
    .verified {
      color: var(--success);
    }
  `,
})
export class EmailSettingsComponent {
  private readonly authApi = inject(AuthApi);

  protected readonly user = inject(SessionService).user;
  protected readonly sendingVerification = signal(false);
  protected readonly verificationMessage = signal<string | null>(null);
  protected readonly verificationFailed = signal(false);

  protected async sendVerification(): Promise<void> {
    this.sendingVerification.set(true);
    this.verificationMessage.set(null);
    try {
      await firstValueFrom(this.authApi.sendEmailVerification());
      this.verificationFailed.set(false);
      this.verificationMessage.set('Sent. Open the link in the e-mail to verify your address.');
    } catch (error) {
      this.verificationFailed.set(true);
      this.verificationMessage.set(toAccountError(error).message);
    } finally {
      this.sendingVerification.set(false);
    }
  }
}

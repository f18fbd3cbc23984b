import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthService as AuthApi } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from './account-errors';

@Component({
  selector: 'ht-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Forgot your password?</h1>
      @if (sent()) {
        <p class="notice" role="status">
          If an account uses that address, an e-mail with a reset link is on its way. The link works
          for a limited time.
        </p>
      } @else {
        <p>Enter your e-mail and we will send you a link to choose a new password.</p>
        <form [formGroup]="form" (ngSubmit)="requestReset()" novalidate>
          <div class="field">
            <label for="forgot-email">E-mail</label>
            <input id="forgot-email" type="email" formControlName="email" autocomplete="username" />
          </div>
          @if (error(); as message) {
            <p class="form-error" role="alert">{{ message }}</p>
          }
          <button class="primary" type="submit" [disabled]="sending()">Send reset link</button>
        </form>
      }
      <p class="aside"><a routerLink="/sign-in">Back to sign in</a></p>
    </main>
  `,
})
export class ForgotPasswordPage {
  private readonly authApi = inject(AuthApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ email: [''] });
  protected readonly sending = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async requestReset(): Promise<void> {
    const email = this.form.getRawValue().email.trim();
    if (!email) {
      this.error.set('Enter your e-mail.');
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.authApi.requestPasswordReset({ body: { email } }));
      this.sent.set(true);
    } catch (failure) {
      this.error.set(toAccountError(failure).message);
    } finally {
      this.sending.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthService as AuthApi } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { FieldErrorComponent } from '../errors/field-error.component';
import type { UserFacingError } from '../errors/user-facing-error';
import { toAccountError } from './account-errors';

/** Opened from the reset e-mail: `/reset-password?token=…`. */
@Component({
  selector: 'ht-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Choose a new password</h1>
      @if (done()) {
        <p class="notice" role="status">
          Your password has been changed and every session signed out.
        </p>
        <p class="aside"><a routerLink="/sign-in">Sign in with the new password</a></p>
      } @else if (!token()) {
        <p class="form-error" role="alert">This link is incomplete. Ask for a new one.</p>
        <p class="aside"><a routerLink="/forgot-password">Send a new link</a></p>
      } @else {
        <form [formGroup]="form" (ngSubmit)="resetPassword()" novalidate>
          <div class="field">
            <label for="reset-password">New password</label>
            <input
              id="reset-password"
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              [attr.aria-invalid]="!!error()?.fields?.['newPassword']"
              aria-describedby="reset-password-error"
            />
            <ht-field-error
              id="reset-password-error"
              [message]="error()?.fields?.['newPassword']"
            />
          </div>
          @if (error(); as failure) {
            <p class="form-error" role="alert">{{ failure.message }}</p>
            @if (failure.code === 'RESET_TOKEN_INVALID') {
              <p><a routerLink="/forgot-password">Send a new link</a></p>
            }
          }
          <button class="primary" type="submit" [disabled]="saving()">Set new password</button>
        </form>
      }
    </main>
  `,
})
export class ResetPasswordPage {
  private readonly authApi = inject(AuthApi);
  /** From the query string. */
  readonly token = input<string | undefined>();
  protected readonly form = inject(FormBuilder).nonNullable.group({ newPassword: [''] });
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<UserFacingError | null>(null);

  protected async resetPassword(): Promise<void> {
    const { newPassword } = this.form.getRawValue();
    const token = this.token();
    if (!token) return;
    if (!newPassword) {
      this.error.set({
        message: 'Enter a new password.',
        code: null,
        status: 0,
        fields: { newPassword: 'Enter a new password.' },
      });
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.authApi.resetPassword({ body: { token, newPassword } }));
      this.done.set(true);
    } catch (failure) {
      this.error.set(toAccountError(failure));
    } finally {
      this.saving.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { UsersService } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from '../account/account-errors';
import { SessionService } from '../auth/session.service';
import { FieldErrorComponent } from '../errors/field-error.component';
import type { UserFacingError } from '../errors/user-facing-error';

/** Changing the password: the other devices are signed out, this tab stays signed in. */
@Component({
  selector: 'ht-password-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <form [formGroup]="password" (ngSubmit)="changePassword()" novalidate>
      <div class="field">
        <label for="settings-current-password">Current password</label>
        <input
          id="settings-current-password"
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          [attr.aria-invalid]="!!passwordError()?.fields?.['currentPassword']"
          aria-describedby="settings-current-password-error"
        />
        <ht-field-error
          id="settings-current-password-error"
          [message]="passwordError()?.fields?.['currentPassword']"
        />
      </div>
      <div class="field">
        <label for="settings-new-password">New password</label>
        <input
          id="settings-new-password"
          type="password"
          formControlName="newPassword"
          autocomplete="new-password"
          [attr.aria-invalid]="!!passwordError()?.fields?.['newPassword']"
          aria-describedby="settings-new-password-error"
        />
        <ht-field-error
          id="settings-new-password-error"
          [message]="passwordError()?.fields?.['newPassword']"
        />
      </div>
      @if (passwordError(); as failure) {
        <!-- A wrong current password is already said under its field. -->
        @if (failure.code === 'PASSWORD_INCORRECT') {
          <p class="visually-hidden" role="alert">{{ failure.message }}</p>
        } @else {
          <p class="form-error" role="alert">{{ failure.message }}</p>
        }
      }
      @if (passwordChanged()) {
        <p class="saved" role="status">Password changed.</p>
      }
      <button type="submit" [disabled]="changingPassword()">Change password</button>
    </form>
  `,
})
export class PasswordSettingsComponent {
  private readonly session = inject(SessionService);
  private readonly usersApi = inject(UsersService);

  protected readonly password = inject(FormBuilder).nonNullable.group({
    currentPassword: [''],
    newPassword: [''],
  });
  protected readonly changingPassword = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly passwordError = signal<UserFacingError | null>(null);

  protected async changePassword(): Promise<void> {
    const { currentPassword, newPassword } = this.password.getRawValue();
    this.passwordChanged.set(false);
    if (!currentPassword || !newPassword) {
      this.passwordError.set({
        message: 'Enter your current and your new password.',
        code: null,
        status: 0,
        fields: {
          ...(currentPassword ? {} : { currentPassword: 'Enter your current password.' }),
          ...(newPassword ? {} : { newPassword: 'Enter a new password.' }),
        },
      });
      return;
    }
    this.changingPassword.set(true);
    this.passwordError.set(null);
    try {
      const me = await firstValueFrom(
        this.usersApi.updateMe({ body: { currentPassword, newPassword } }),
      );
      // The server ends every session on a new password, this one included: sign this tab in
      // again with the new password, so only the other devices are signed out.
      await this.session.signIn({ email: me.email, password: newPassword });
      this.password.reset();
      this.passwordChanged.set(true);
    } catch (error) {
      const failure = toAccountError(error);
      this.passwordError.set(
        failure.code === 'PASSWORD_INCORRECT'
          ? { ...failure, fields: { ...failure.fields, currentPassword: failure.message } }
          : failure,
      );
    } finally {
      this.changingPassword.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { UsersService } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from '../account/account-errors';
import { SessionService } from '../auth/session.service';
import { FieldErrorComponent } from '../errors/field-error.component';

/** Deleting the account for good, confirmed with the password. */
@Component({
  selector: 'ht-delete-account',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <p>Deletes your habits, logs and goals for good. Enter your password to confirm.</p>
    <form (ngSubmit)="deleteAccount()" [formGroup]="deletion" novalidate>
      <div class="field">
        <label for="settings-delete-password">Password</label>
        <input
          id="settings-delete-password"
          type="password"
          formControlName="password"
          autocomplete="current-password"
          [attr.aria-invalid]="!!deleteError()"
          aria-describedby="settings-delete-error"
        />
        <ht-field-error id="settings-delete-error" [message]="deleteError() ?? undefined" />
      </div>
      <button type="submit" class="danger" [disabled]="deleting()">Delete my account</button>
    </form>
  `,
})
export class DeleteAccountComponent {
  private readonly session = inject(SessionService);
  private readonly usersApi = inject(UsersService);

  protected readonly deletion = inject(FormBuilder).nonNullable.group({ password: [''] });
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);

  protected async deleteAccount(): Promise<void> {
    const { password } = this.deletion.getRawValue();
    if (!password) {
      this.deleteError.set('Enter your password to delete the account.');
      return;
    }
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.usersApi.deleteMe({ body: { password } }));
      await this.session.forgetDeletedAccount();
    } catch (error) {
      this.deleteError.set(toAccountError(error).message);
    } finally {
      this.deleting.set(false);
    }
  }
}

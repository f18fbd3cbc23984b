import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { AuthService as AuthApi, UsersService } from '@habit-tracker/api-client';
import { firstValueFrom } from 'rxjs';
import { toAccountError } from '../account/account-errors';
import { SessionService } from '../auth/session.service';
import { TimeZonePickerComponent } from '../auth/time-zone-picker.component';
import { FieldErrorComponent } from '../errors/field-error.component';
import type { UserFacingError } from '../errors/user-facing-error';
import { formatLocalDate } from '../today/day-clock';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: hour,
  label: `${String(hour).padStart(2, '0')}:00`,
}));

@Component({
  selector: 'ht-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent, TimeZonePickerComponent],
  template: `
    <main id="main" class="page" tabindex="-1">
      <h1>Settings</h1>

      <section class="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">You and your day</h2>
        <form [formGroup]="profile" (ngSubmit)="saveProfile()" novalidate>
          <div class="field">
            <label for="settings-name">Name <span class="optional">(optional)</span></label>
            <input
              id="settings-name"
              formControlName="fullName"
              autocomplete="name"
              maxlength="200"
            />
          </div>
          <div class="field">
            <label for="settings-zone">Time zone</label>
            <ht-time-zone-picker
              inputId="settings-zone"
              formControlName="timezone"
              describedBy="settings-zone-hint settings-zone-error"
              [invalid]="!!profileError()?.fields?.['timezone']"
            />
            <span class="hint" id="settings-zone-hint">Type a city or region to search.</span>
            <ht-field-error
              id="settings-zone-error"
              [message]="profileError()?.fields?.['timezone']"
            />
          </div>
          <div class="row">
            <div class="field">
              <label for="settings-day-start">Day starts at</label>
              <select
                id="settings-day-start"
                formControlName="dayStartHour"
                aria-describedby="settings-day-start-hint"
              >
                @for (hour of hours; track hour.value) {
                  <option [ngValue]="hour.value">{{ hour.label }}</option>
                }
              </select>
              <span class="hint" id="settings-day-start-hint"
                >Late nights count for the day before.</span
              >
            </div>
            <div class="field">
              <label for="settings-nudge-hour">Nudges at</label>
              <select id="settings-nudge-hour" formControlName="nudgeHour">
                @for (hour of hours; track hour.value) {
                  <option [ngValue]="hour.value">{{ hour.label }}</option>
                }
              </select>
            </div>
          </div>
          @if (user()?.emailDelivery) {
            <div class="check">
              <input
                id="settings-email-nudges"
                type="checkbox"
                formControlName="emailNudges"
                aria-describedby="settings-email-nudges-hint"
              />
              <label for="settings-email-nudges">Also send nudges by e-mail</label>
            </div>
            <p class="hint" id="settings-email-nudges-hint">
              One digest a day at most, only to a verified address, with a one-click unsubscribe.
            </p>
          }
          @if (user(); as me) {
            <p class="today" data-testid="settings-today">
              Your day is {{ todayLabel() }} in {{ me.timezone }}.
            </p>
          }
          @if (profileError(); as failure) {
            <p class="form-error" role="alert">{{ failure.message }}</p>
          }
          @if (profileSaved()) {
            <p class="saved" role="status">Saved.</p>
          }
          <button class="primary" type="submit" [disabled]="savingProfile()">
            {{ savingProfile() ? 'Saving…' : 'Save settings' }}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail address</h2>
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
                This server does not send e-mail, so there is nothing to verify: nudges stay in the
                app.
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
      </section>

      <section class="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
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
      </section>

      <section class="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a lost phone or a shared computer? End every session, this one included.</p>
        @if (sessionsError(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <button type="button" (click)="signOutEverywhere()">Sign out everywhere</button>
      </section>

      <section class="panel danger" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
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
      </section>
    </main>
  `,
  styles: `
    .panel {
      padding: 1rem;
      margin-bottom: 1rem;
      border: 1px solid var(--line);
      border-radius: 12px;
      background: var(--surface);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.15rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0 0.75rem;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
    }
    .check input {
      width: 1.3rem;
      min-height: 1.3rem;
    }
    .hint {
      margin: 0 0 0.75rem;
    }
    .today {
      font-weight: 600;
    }
    .saved,
    .verified {
      color: var(--success);
    }
    .panel.danger {
      border-color: var(--danger);
    }
    button.danger {
      border-color: var(--danger);
      color: var(--danger);
    }
  `,
})
export class SettingsPage {
  private readonly session = inject(SessionService);
  private readonly usersApi = inject(UsersService);
  private readonly authApi = inject(AuthApi);
  private readonly forms = inject(FormBuilder).nonNullable;

  protected readonly hours = HOURS;
  protected readonly user = this.session.user;
  protected readonly todayLabel = computed(() => {
    const today = this.user()?.today;
    return today ? formatLocalDate(today) : '';
  });

  protected readonly profile = this.forms.group({
    fullName: [''],
    timezone: ['UTC', Validators.required],
    dayStartHour: [0],
    nudgeHour: [19],
    emailNudges: [false],
  });
  protected readonly password = this.forms.group({ currentPassword: [''], newPassword: [''] });
  protected readonly deletion = this.forms.group({ password: [''] });

  protected readonly savingProfile = signal(false);
  protected readonly profileSaved = signal(false);
  protected readonly profileError = signal<UserFacingError | null>(null);
  protected readonly sendingVerification = signal(false);
  protected readonly verificationMessage = signal<string | null>(null);
  protected readonly verificationFailed = signal(false);
  protected readonly changingPassword = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly passwordError = signal<UserFacingError | null>(null);
  protected readonly sessionsError = signal<string | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);

  constructor() {
    // Fill the form from the user once they are known (and again if they change elsewhere).
    effect(() => {
      const me = this.user();
      // The session re-reads the user when it renews the token: never overwrite unsaved edits.
      if (!me || untracked(() => this.profile.dirty)) return;
      untracked(() =>
        this.profile.reset({
          fullName: me.fullName ?? '',
          timezone: me.timezone,
          dayStartHour: me.dayStartHour,
          nudgeHour: me.nudgeHour,
          emailNudges: me.emailNudges,
        }),
      );
    });
  }

  protected async saveProfile(): Promise<void> {
    if (this.savingProfile()) return;
    const value = this.profile.getRawValue();
    this.savingProfile.set(true);
    this.profileSaved.set(false);
    this.profileError.set(null);
    try {
      const me = await firstValueFrom(
        this.usersApi.updateMe({
          body: {
            fullName: value.fullName.trim() || null,
            timezone: value.timezone,
            dayStartHour: Number(value.dayStartHour),
            nudgeHour: Number(value.nudgeHour),
            emailNudges: value.emailNudges,
          },
        }),
      );
      this.profile.markAsPristine();
      this.session.acceptUser(me);
      this.profileSaved.set(true);
    } catch (error) {
      this.profileError.set(toAccountError(error));
    } finally {
      this.savingProfile.set(false);
    }
  }

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

  protected async signOutEverywhere(): Promise<void> {
    this.sessionsError.set(null);
    try {
      await this.session.signOutEverywhere();
    } catch (error) {
      this.sessionsError.set(toAccountError(error).message);
    }
  }

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

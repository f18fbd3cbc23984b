import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toAccountError } from '../account/account-errors';
import { SessionService } from '../auth/session.service';
import { DeleteAccountComponent } from './delete-account.component';
import { EmailSettingsComponent } from './email-settings.component';
import { ImportExportComponent } from './import-export.component';
import { PasswordSettingsComponent } from './password-settings.component';
import { ProfileSettingsComponent } from './profile-settings.component';

/**
 * Settings: the user's day and nudges, e-mail address, password, sessions, import and export,
 * and deleting the account. It needs no load of its own: the session holds the signed-in user.
 */
@Component({
  selector: 'ht-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DeleteAccountComponent,
    EmailSettingsComponent,
    ImportExportComponent,
    PasswordSettingsComponent,
    ProfileSettingsComponent,
  ],
  template: `
    <main id="main" class="page" tabindex="-1">
      <h1>Settings</h1>

      <section class="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">You and your day</h2>
        <ht-profile-settings />
      </section>

      <section class="panel" aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail address</h2>
        <ht-email-settings />
      </section>

      <section class="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <ht-password-settings />
      </section>

      <section class="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a lost phone or a shared computer? End every session, this one included.</p>
        @if (sessionsError(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <button type="button" (click)="signOutEverywhere()">Sign out everywhere</button>
      </section>

      <section class="panel" aria-labelledby="import-export-heading">
        <h2 id="import-export-heading">Import and export</h2>
        <ht-import-export />
      </section>

      <section class="panel danger" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <ht-delete-account />
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
    .panel.danger {
      border-color: var(--danger);
    }
  `,
})
export class SettingsPage {
  private readonly session = inject(SessionService);

  protected readonly sessionsError = signal<string | null>(null);

  protected async signOutEverywhere(): Promise<void> {
    this.sessionsError.set(null);
    try {
      await this.session.signOutEverywhere();
    } catch (error) {
      this.sessionsError.set(toAccountError(error).message);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { FieldErrorComponent } from '../errors/field-error.component';
import { toUserFacingError, UserFacingError } from '../errors/user-facing-error';
import { safeReturnUrl } from './auth.guards';
import { SessionService } from './session.service';
import { TimeZonePickerComponent } from './time-zone-picker.component';
import { browserTimeZone } from './time-zones';

@Component({
  selector: 'ht-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent, TimeZonePickerComponent],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Create your account</h1>
      <form [formGroup]="form" (ngSubmit)="createAccount()" novalidate>
        <div class="field">
          <label for="sign-up-name">Name <span class="optional">(optional)</span></label>
          <input id="sign-up-name" formControlName="fullName" autocomplete="name" />
          <ht-field-error [message]="error()?.fields?.['fullName']" />
        </div>
        <div class="field">
          <label for="sign-up-email">E-mail</label>
          <input
            id="sign-up-email"
            type="email"
            formControlName="email"
            autocomplete="email"
            [attr.aria-invalid]="!!error()?.fields?.['email']"
            aria-describedby="sign-up-email-error"
          />
          <ht-field-error id="sign-up-email-error" [message]="error()?.fields?.['email']" />
        </div>
        <div class="field">
          <label for="sign-up-password">Password</label>
          <input
            id="sign-up-password"
            type="password"
            formControlName="password"
            autocomplete="new-password"
            [attr.aria-invalid]="!!error()?.fields?.['password']"
            aria-describedby="sign-up-password-hint sign-up-password-error"
          />
          <span id="sign-up-password-hint" class="hint">At least 8 characters.</span>
          <ht-field-error id="sign-up-password-error" [message]="error()?.fields?.['password']" />
        </div>
        <div class="field">
          <label for="sign-up-timezone">Time zone</label>
          <ht-time-zone-picker
            inputId="sign-up-timezone"
            formControlName="timezone"
            describedBy="sign-up-timezone-hint sign-up-timezone-error"
            [invalid]="!!error()?.fields?.['timezone']"
          />
          <span id="sign-up-timezone-hint" class="hint">Your days start and end in this zone.</span>
          <ht-field-error id="sign-up-timezone-error" [message]="error()?.fields?.['timezone']" />
        </div>
        @if (error(); as failure) {
          <p class="form-error" role="alert">{{ failure.message }}</p>
        }
        <button class="primary" type="submit" [disabled]="submitting()">
          {{ submitting() ? 'Creating your account…' : 'Create account' }}
        </button>
      </form>
      <p class="aside">
        Already have an account?
        <a routerLink="/sign-in" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}"
          >Sign in</a
        >
      </p>
    </main>
  `,
})
export class SignUpPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  readonly returnUrl = input<string | undefined>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: [''],
    email: [''],
    password: [''],
    timezone: [browserTimeZone()],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<UserFacingError | null>(null);

  protected async createAccount(): Promise<void> {
    if (this.submitting()) return;
    const { fullName, email, password, timezone } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.session.signUp({
        email: email.trim(),
        password,
        timezone,
        fullName: fullName.trim() || null,
      });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (failure) {
      this.error.set(toUserFacingError(failure));
    } finally {
      this.submitting.set(false);
    }
  }
}

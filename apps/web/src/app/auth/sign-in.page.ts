import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { toUserFacingError, UserFacingError } from '../errors/user-facing-error';
import { FieldErrorComponent } from '../errors/field-error.component';
import { safeReturnUrl } from './auth.guards';
import { SessionService } from './session.service';
import { fieldValue } from '../shared/field-value';

@Component({
  selector: 'ht-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // No @angular/forms here: the first page of most visits stays light.
  imports: [RouterLink, FieldErrorComponent],
  template: `
    <main id="main" class="auth-card" tabindex="-1">
      <h1>Sign in</h1>
      @if (session.endedNotice(); as notice) {
        <p class="notice" role="status">{{ notice }}</p>
      }
      <form (submit)="signIn($event)" novalidate>
        <div class="field">
          <label for="sign-in-email">E-mail</label>
          <input
            id="sign-in-email"
            type="email"
            [value]="email()"
            (input)="email.set(fieldValue($event))"
            autocomplete="username"
            [attr.aria-invalid]="!!error()?.fields?.['email']"
            aria-describedby="sign-in-email-error"
          />
          <ht-field-error id="sign-in-email-error" [message]="error()?.fields?.['email']" />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            [value]="password()"
            (input)="password.set(fieldValue($event))"
            autocomplete="current-password"
            [attr.aria-invalid]="!!error()?.fields?.['password']"
            aria-describedby="sign-in-password-error"
          />
          <ht-field-error id="sign-in-password-error" [message]="error()?.fields?.['password']" />
        </div>
        @if (error(); as failure) {
          <p class="form-error" role="alert">{{ failure.message }}</p>
        }
        <button class="primary" type="submit" [disabled]="submitting()">
          {{ submitting() ? 'Signing in…' : 'Sign in' }}
        </button>
      </form>
      <p class="aside"><a routerLink="/forgot-password">Forgot your password?</a></p>
      <p class="aside">
        New here?
        <a routerLink="/sign-up" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}"
          >Create an account</a
        >
      </p>
    </main>
  `,
})
export class SignInPage {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  /** Where to go after signing in (bound from the query string). */
  readonly returnUrl = input<string | undefined>();

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly fieldValue = fieldValue;
  protected readonly submitting = signal(false);
  protected readonly error = signal<UserFacingError | null>(null);

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    const email = this.email();
    const password = this.password();
    if (!email.trim() || !password) {
      this.error.set({
        message: 'Enter your e-mail and password.',
        code: null,
        status: 0,
        fields: {
          ...(email.trim() ? {} : { email: 'Enter your e-mail.' }),
          ...(password ? {} : { password: 'Enter your password.' }),
        },
      });
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.session.signIn({ email: email.trim(), password });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (failure) {
      this.error.set(toUserFacingError(failure));
    } finally {
      this.submitting.set(false);
    }
  }
}

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
import { UsersService } from '@habit-tracker/api-client';
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

/** The user's name, zone, day start, nudge hour and e-mail nudges, saved together. */
@Component({
  selector: 'ht-profile-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FieldErrorComponent, TimeZonePickerComponent],
  template: `
    <form [formGroup]="profile" (ngSubmit)="saveProfile()" novalidate>
      <div class="field">
        <label for="settings-name">Name <span class="optional">(optional)</span></label>
        <input id="settings-name" formControlName="fullName" autocomplete="name" maxlength="200" />
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
        <ht-field-error id="settings-zone-error" [message]="profileError()?.fields?.['timezone']" />
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
  `,
  styles: `
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
  `,
})
export class ProfileSettingsComponent {
  private readonly session = inject(SessionService);
  private readonly usersApi = inject(UsersService);
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
  protected readonly savingProfile = signal(false);
  protected readonly profileSaved = signal(false);
  protected readonly profileError = signal<UserFacingError | null>(null);

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
}

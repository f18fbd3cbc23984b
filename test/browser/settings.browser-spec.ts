import { Browser, BrowserContext, Page } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import {
  captureEveryLook,
  launchChromium,
  seriousAxeViolations,
  waitForCondition,
} from './support/browser';
import { overflowAt375 } from './support/layout';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * Settings and the pages e-mails link to. The two zones are 25 hours apart (UTC+14 and UTC−11),
 * so whenever the test runs, the user's date changes with the zone.
 */
const FROM_ZONE = 'Pacific/Kiritimati';
const TO_ZONE = 'Pacific/Pago_Pago';
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;

function dateIn(zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: zone,
  }).format(new Date());
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `settings-${Date.now()}@example.com`,
    password: 'correct horse battery',
    fullName: 'Ada',
    timezone: FROM_ZONE,
  });
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signInThroughPage(page, user);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('settings', () => {
  it('changes the time zone, and Today’s date follows', async () => {
    expect(await page.getByTestId('today-date').textContent()).toBe(dateIn(FROM_ZONE));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe(FROM_ZONE);
    expect(await page.getByLabel('Name', { exact: false }).first().inputValue()).toBe('Ada');

    // A searchable picker, the browser's zone first (issue 16, point 8).
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    const options = page.getByRole('listbox', { name: 'Time zones' }).getByRole('option');
    expect(await options.first().textContent()).toContain('Europe/London');
    await zone.fill('pago');
    await options.filter({ hasText: TO_ZONE }).click();
    // The field shows the choice at the next redraw (zoneless): wait for it.
    await waitForCondition(
      page,
      `document.getElementById('settings-zone').value === ${JSON.stringify(TO_ZONE)}`,
    );
    await page.getByLabel('Nudges at').selectOption({ label: '20:00' });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByTestId('settings-today').textContent()).toContain(TO_ZONE);

    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page
      .getByTestId('today-date')
      .filter({ hasText: dateIn(TO_ZONE) })
      .waitFor();
    expect(dateIn(TO_ZONE)).not.toBe(dateIn(FROM_ZONE));

    const me = await user.api<{ timezone: string; nudgeHour: number }>('GET', '/api/auth/me');
    expect(me).toMatchObject({ timezone: TO_ZONE, nudgeHour: 20 });
  });

  it('offers no e-mail without SMTP and rejects a wrong current password', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('email-state').filter({ hasText: 'not verified' }).waitFor();
    expect(await page.getByTestId('email-state').textContent()).toBe('not verified');
    // The standalone test app has no SMTP server: nothing to send (issue 16, point 8).
    await page.getByTestId('no-email').waitFor();
    expect(await page.getByRole('button', { name: 'Send verification e-mail' }).count()).toBe(0);
    expect(await page.getByLabel('Also send nudges by e-mail').count()).toBe(0);

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('another good password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .locator('#settings-current-password-error')
      .filter({ hasText: 'not your current' })
      .waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(await overflowAt375(page)).toBe(0);
    expect(await captureEveryLook(page, 'settings')).toEqual([]);
  });

  it('changes the password and keeps this tab signed in (issue 16, point 7)', async () => {
    const newPassword = 'another good password';
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    user.password = newPassword;
    // A reload restores the session from the refresh cookie: this tab's session survived.
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
  });

  it('signs out everywhere: this tab goes to sign-in and the old token’s refresh is gone', async () => {
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/settings');
  });

  it('offers forgot-password, and the reset, verify and unsubscribe pages explain a bad link', async () => {
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail').fill(user.email);
    const requested = page.waitForResponse((r) =>
      r.url().endsWith('/api/auth/password-reset/request'),
    );
    await page.getByRole('button', { name: 'Send reset link' }).click();
    expect((await requested).status()).toBe(202);
    await page.getByRole('status').filter({ hasText: 'reset link is on its way' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/reset-password?token=not-a-real-token');
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'invalid or has expired' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/verify-email?token=not-a-real-token');
    await page.getByRole('alert').filter({ hasText: 'invalid' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/unsubscribe?token=not-a-real-token');
    await page.getByRole('alert').filter({ hasText: 'invalid' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('deletes the account with the password', async () => {
    await signInThroughPage(page, user);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.locator('#settings-delete-error').filter({ hasText: 'not your current' }).waitFor();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your account and all its data have been deleted.').waitFor();
    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(401);
  });
});

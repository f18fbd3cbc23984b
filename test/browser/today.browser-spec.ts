import { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { captureEveryLook, launchChromium, seriousAxeViolations } from './support/browser';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * A new user's first minutes, in Debian's Chromium against the real product in standalone mode:
 * sign up, add a daily and a 3×/week habit, log, undo, skip, reload, lose the session, sign out.
 */
const ZONE = 'Pacific/Auckland';
const EMAIL = `first-user-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';

let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function habitCard(name: string): Locator {
  return page.locator('article', { has: page.getByRole('heading', { name, exact: true }) });
}

function logResponse(method: 'POST' | 'DELETE') {
  return page.waitForResponse(
    (response) =>
      response.url().includes('/api/habit-logs') && response.request().method() === method,
  );
}

/** Holds the next request to `pattern` until released, to see what the page shows meanwhile. */
async function holdNextRequest(pattern: string): Promise<{ release(): Promise<void> }> {
  let held: (route: Route) => void = () => undefined;
  const arrived = new Promise<Route>((resolve) => (held = resolve));
  await page.route(pattern, (route) => held(route), { times: 1 });
  return {
    release: async () => {
      await (await arrived).continue();
    },
  };
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: ZONE,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('the web app in standalone mode', () => {
  it('is served at / with deep links, immutable compressed assets and a no-cache index.html', async () => {
    const html = { accept: 'text/html' };
    const deepLink = await fetch(`${app.baseUrl}/today`, { headers: html });
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    const index = await deepLink.text();
    expect(index).toContain('<ht-root>');

    const script = /src="(main-[0-9A-Z]+\.js)"/.exec(index)?.[1];
    const asset = await fetch(`${app.baseUrl}/${script}`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Precompressed at build time, sent as the browser asks.
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);

    const api = await fetch(`${app.baseUrl}/api/no-such-thing`, { headers: html });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const ws = await fetch(`${app.baseUrl}/ws/anything`, { headers: html });
    expect(ws.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('sends a signed-out deep link to sign-in, remembering the page', async () => {
    // A first visit has no session to restore: nothing fails on the way (issue 16, point 8).
    const consoleErrors: string[] = [];
    const failed: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    };
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    };
    page.on('console', onConsole);
    page.on('response', onResponse);
    await page.goto('/today');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    page.off('console', onConsole);
    page.off('response', onResponse);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/today');
    expect(await captureEveryLook(page, 'sign-in')).toEqual([]);
  });

  it('signs up with the browser time zone preselected, showing the server’s field errors', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe(ZONE);

    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('correct the highlighted fields');
    const passwordError = page.locator('#sign-up-password-error');
    expect(await passwordError.textContent()).toMatch(/8/);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/today');
    await page.getByTestId('empty').waitFor();

    // The date is the user's day in their zone, not the server's.
    const expected = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: ZONE,
    }).format(new Date());
    expect(await page.getByTestId('today-date').textContent()).toBe(expected);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds a daily and a 3×/week habit from Today', async () => {
    await page.getByLabel('Name').fill('Read 10 pages');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await habitCard('Read 10 pages').waitFor();

    await page.getByLabel('Name').fill('Run');
    await page.getByLabel('How often').selectOption('weekly');
    await page.getByLabel('Times').fill('3');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await habitCard('Run').waitFor();

    expect(await habitCard('Read 10 pages').getByTestId('streak').textContent()).toBe(
      'Streak: 0 days',
    );
    expect(await habitCard('Run').getByTestId('streak').textContent()).toBe('Streak: 0 weeks');
    expect(await habitCard('Run').getByTestId('week').textContent()).toMatch(
      /^0 of [1-3] this week$/,
    );
  });

  it('logs today, undoes and skips: the streak and the week counter change at once', async () => {
    const daily = habitCard('Read 10 pages');

    // Done shows before the server answers (optimistic), and stays once it has.
    const held = await holdNextRequest('**/api/habit-logs');
    await daily.getByRole('button', { name: 'Done Read 10 pages' }).click();
    await daily.getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    expect(await daily.getByTestId('streak').textContent()).toBe('Streak: 1 day');
    const created = logResponse('POST');
    await held.release();
    expect((await created).status()).toBe(201);
    expect(await daily.getByTestId('streak').textContent()).toBe('Streak: 1 day');
    expect(await page.getByText('1 of 2 done').count()).toBe(1);

    const undone = logResponse('DELETE');
    await daily.getByRole('button', { name: 'Undo Read 10 pages' }).click();
    // Zoneless: the page redraws after the click handler; wait for it rather than read at once.
    await daily.getByTestId('streak').filter({ hasText: 'Streak: 0 days' }).waitFor();
    expect((await undone).status()).toBe(200);
    await daily.getByRole('button', { name: 'Skip Read 10 pages' }).waitFor();

    const skipped = logResponse('POST');
    await daily.getByRole('button', { name: 'Skip Read 10 pages' }).click();
    expect((await skipped).status()).toBe(201);
    await daily.getByTestId('state').filter({ hasText: 'Skipped' }).waitFor();
    expect(await daily.getByTestId('streak').textContent()).toBe('Streak: 0 days');

    const weekly = habitCard('Run');
    const quota = Number(
      /of (\d)/.exec((await weekly.getByTestId('week').textContent()) ?? '')?.[1],
    );
    const ran = logResponse('POST');
    await weekly.getByRole('button', { name: 'Done Run' }).click();
    await weekly
      .getByTestId('week')
      .filter({ hasText: `1 of ${quota} this week` })
      .waitFor();
    expect((await ran).status()).toBe(201);
    await weekly.getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    expect(await weekly.getByTestId('week').textContent()).toBe(`1 of ${quota} this week`);
    expect(await weekly.getByTestId('streak').textContent()).toBe(
      quota <= 1 ? 'Streak: 1 week' : 'Streak: 0 weeks',
    );
    expect(await page.getByText('1 of 2 done').count()).toBe(1);
  });

  it('keeps the session and the day’s logs across a reload', async () => {
    await page.reload();
    await habitCard('Run').getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/today');
    expect(await habitCard('Read 10 pages').getByTestId('state').textContent()).toBe('Skipped');
    expect(await captureEveryLook(page, 'today')).toEqual([]);
  });

  it('is usable by keyboard: Tab reaches a habit’s buttons and Enter logs it', async () => {
    const daily = habitCard('Read 10 pages');
    const undo = daily.getByRole('button', { name: 'Undo Read 10 pages' });
    await undo.focus();
    const undone = logResponse('DELETE');
    await page.keyboard.press('Enter');
    expect((await undone).status()).toBe(200);
    await daily.getByRole('button', { name: 'Skip Read 10 pages' }).waitFor();
    // Tab order: Skip, then Done.
    await daily.getByRole('button', { name: 'Skip Read 10 pages' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent?.trim()')).toMatch(/^Done/);
    const done = logResponse('POST');
    await page.keyboard.press('Enter');
    expect((await done).status()).toBe(201);
    await daily.getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    expect(await daily.getByTestId('streak').textContent()).toBe('Streak: 1 day');
  });

  it('sends an ended session to sign-in and back to the page afterwards', async () => {
    await context.clearCookies();
    await page.route(
      '**/api/habits',
      (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 401,
            error: 'Unauthorized',
            code: 'TOKEN_EXPIRED',
            message: 'The access token has expired.',
          }),
        }),
      { times: 1 },
    );
    // Page code as a string: no DOM types in the server's tsconfig.
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/today');
    expect(await page.getByRole('status').textContent()).toContain('Your session has ended');

    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('do not match an account');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/today');
    await habitCard('Run').waitFor();
  });

  it('signs out, and a reload stays signed out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/today');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});

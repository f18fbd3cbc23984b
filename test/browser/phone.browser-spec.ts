import { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { launchChromium, seriousAxeViolations } from './support/browser';
import { overflowAt375, smallTouchTargets } from './support/layout';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * The app on a phone (375 × 812, touch, no mouse): a bottom tab bar with every destination,
 * thumb-sized controls, the last days one tap away on Today and the habits list, a month
 * calendar instead of the year grid, and weekly habits drawn as weeks (issue 16).
 */
const ZONE = 'Europe/Madrid';

let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
let today: string;
const ids: Record<string, string> = {};

function addDays(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function mondayOf(localDate: string): string {
  return addDays(localDate, -((new Date(`${localDate}T00:00:00Z`).getUTCDay() + 6) % 7));
}

function card(name: string): Locator {
  return page.locator('article', { has: page.getByRole('heading', { name, exact: true }) });
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
  user = await registerUser(app.baseUrl, {
    email: `phone-${Date.now()}@example.com`,
    password: 'correct horse battery',
    timezone: ZONE,
  });
  today = (await user.api<{ today: string }>('GET', '/api/auth/me')).today;
  const start = addDays(mondayOf(today), -14);
  for (const [name, body] of [
    ['Read', { frequency: 'daily', startDate: addDays(today, -3), icon: '📚', color: 'blue' }],
    ['Swim', { frequency: 'weekly', timesPerWeek: 3, startDate: start }],
    ['Stretch', { frequency: 'daily' }],
  ] as const) {
    ids[name] = (await user.api<{ id: string }>('POST', '/api/habits', { name, ...body })).id;
  }
  // Swim: once in the week before this one, a failed week ("1 of 3").
  await user.api('POST', '/api/habit-logs', {
    habitId: ids['Swim'],
    logDate: addDays(mondayOf(today), -5),
    status: 'done',
  });
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: ZONE,
    locale: 'en-GB',
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
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

describe('on a phone', () => {
  it('shows all five destinations in a tab bar at the bottom, nothing scrolling sideways', async () => {
    const tabs = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Today'),
        expect.stringContaining('Habits'),
        expect.stringContaining('Dashboard'),
        expect.stringContaining('Goals'),
        expect.stringContaining('Settings'),
      ]),
    );
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(812);
      expect(box.y).toBeGreaterThan(700);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    expect(await overflowAt375(page)).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
  });

  it('logs a recent day with one tap on Today: done → skipped → empty, at once', async () => {
    const yesterday = addDays(today, -1);
    const day = card('Read').locator(`[data-testid="recent-days"] [data-date="${yesterday}"]`);
    expect(await day.getAttribute('data-look')).toBe('missed');
    // The strip starts at the habit's start: earlier days cannot be logged.
    const beforeStart = card('Read').locator(
      `[data-testid="recent-days"] [data-date="${addDays(today, -4)}"]`,
    );
    expect(await beforeStart.isDisabled()).toBe(true);

    const held = await holdNextRequest('**/api/habit-logs');
    await day.tap();
    // Drawn before the server answers (optimistic), then kept when it does.
    await card('Read').locator(`[data-date="${yesterday}"][data-look="done"]`).waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/habit-logs'));
    await held.release();
    expect((await answered).status()).toBe(201);
    await card('Read')
      .locator(`[data-date="${yesterday}"][data-look="done"]:not([disabled])`)
      .waitFor();

    await day.tap();
    await card('Read').locator(`[data-date="${yesterday}"][data-look="skipped"]`).waitFor();
    await card('Read')
      .locator(`[data-date="${yesterday}"][data-look="skipped"]:not([disabled])`)
      .waitFor();
    const removed = page.waitForResponse(
      (r) => r.url().includes('/api/habit-logs/') && r.request().method() === 'DELETE',
    );
    await day.tap();
    expect((await removed).status()).toBe(200);
    await card('Read').locator(`[data-date="${yesterday}"][data-look="missed"]`).waitFor();
    const logs = await user.api<unknown[]>(
      'GET',
      `/api/habit-logs/habit/${ids['Read']}?from=${yesterday}&to=${yesterday}`,
    );
    expect(logs).toEqual([]);
  });

  it('opens a day’s notes with a long press', async () => {
    const yesterday = addDays(today, -1);
    const day = card('Read').locator(`[data-testid="recent-days"] [data-date="${yesterday}"]`);
    const box = (await day.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('day-log').waitFor();
    await page.mouse.up();
    await dialog.getByLabel('Done').check();
    await dialog.getByLabel('Notes').fill('On the train');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/habit-logs'));
    await dialog.getByRole('button', { name: 'Save day' }).click();
    expect((await saved).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await card('Read').locator(`[data-date="${yesterday}"][data-look="done"]`).waitFor();
    const logs = await user.api<{ notes: string | null }[]>(
      'GET',
      `/api/habit-logs/habit/${ids['Read']}?from=${yesterday}&to=${yesterday}`,
    );
    expect(logs).toMatchObject([{ status: 'done', notes: 'On the train' }]);
  });

  it('keeps every control on Today at least 44 px', async () => {
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('moves habits up and down in the list, and the order stays', async () => {
    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByRole('heading', { name: 'Habits', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Habits' }).waitFor();
    const names = () =>
      page
        .locator('article h2 a')
        .allTextContents()
        .then((all) => all.map((n) => n.trim()));
    expect(await names()).toEqual(['Read', 'Swim', 'Stretch']);
    const reordered = page.waitForResponse((r) => r.url().endsWith('/api/habits/order'));
    await page.getByRole('button', { name: 'Move Stretch up' }).tap();
    expect((await reordered).status()).toBe(200);
    expect(await names()).toEqual(['Read', 'Stretch', 'Swim']);
    await page.reload();
    await page.getByRole('list', { name: 'Habits' }).waitFor();
    expect(await names()).toEqual(['Read', 'Stretch', 'Swim']);
    expect(await page.getByRole('button', { name: 'Move Read up' }).isDisabled()).toBe(true);
  });

  it('explains a figure in place, and keeps the list’s controls at least 44 px', async () => {
    const swim = card('Swim');
    expect(await swim.getByTestId('week').textContent()).toBe('0 of 3 this week');
    await swim.getByRole('group').first().waitFor();
    await swim.getByLabel('What is consistency?').tap();
    await swim.getByTestId('explanation').filter({ hasText: 'the last 4 weeks' }).waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  it('offers a month calendar with thumb-sized days and no keyboard hint', async () => {
    await page.goto(`/habits/${ids['Read']}`);
    const calendar = page.getByTestId('month-calendar');
    await calendar.waitFor();
    expect(await page.getByTestId('heatmap').count()).toBe(0);
    expect(await page.getByText('Arrow keys move between days').count()).toBe(0);
    const yesterday = calendar.locator(`[data-date="${addDays(today, -1)}"]`);
    const box = (await yesterday.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    // Only the days from the start (3 days ago) to today can be opened.
    const start = addDays(today, -3);
    const days = await calendar
      .locator('button[data-date]')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.getAttribute('data-date'), b.hasAttribute('disabled')]),
      );
    expect(days.length).toBeGreaterThan(27);
    for (const [date, disabled] of days) expect(disabled).toBe(date! < start || date! > today);
    await yesterday.tap();
    await page
      .getByTestId('day-log')
      .getByTestId('day-notes')
      .filter({ hasText: 'On the train' })
      .waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('draws a weekly habit by weeks: a failed week reads “1/3”, not a row of misses', async () => {
    await page.goto(`/habits/${ids['Swim']}`);
    const calendar = page.getByTestId('month-calendar');
    await calendar.waitFor();
    const lastWeekDay = addDays(mondayOf(today), -3);
    if (lastWeekDay.slice(0, 7) !== today.slice(0, 7)) {
      await page.getByRole('button', { name: 'Previous month' }).tap();
    }
    const day = calendar.locator(`[data-date="${lastWeekDay}"]`);
    expect(await day.getAttribute('class')).toContain('unlogged');
    const tally = calendar
      .locator('tr', { has: page.locator(`[data-date="${lastWeekDay}"]`) })
      .locator('.tally');
    expect(await tally.getAttribute('class')).toContain('failed');
    expect((await tally.textContent())?.trim()).toBe('1/3');
    expect(await tally.locator('span').getAttribute('aria-label')).toMatch(
      /^Week of .*: 1 of 3 done \(missed\)$/,
    );
  });
});

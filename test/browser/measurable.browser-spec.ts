import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium, seriousAxeViolations } from './support/browser';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * Measured habits in Chromium against the real app (SPEC.md §6): create one in the editor with
 * its target in words, quick-add and enter today's amount on Today, and see a week habit's
 * totals charted against its target line and its year shaded by progress.
 */
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
let runId: string;

/** A UTC date `days` from now (a day back is never after the user's today in Berlin). */
function utcDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Polls `check` (locator reads, no page script) until it holds, for at most 10 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

function habitCard(name: string): Locator {
  return page.locator('article', { has: page.getByRole('heading', { name, exact: true }) });
}

function logResponse() {
  return page.waitForResponse(
    (response) =>
      response.url().includes('/api/habit-logs') && response.request().method() === 'POST',
  );
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `measure-${Date.now()}@example.com`,
    password: 'correct horse battery',
    fullName: 'Mia',
    timezone: 'Europe/Berlin',
  });
  // A week habit with five weeks of runs, for the chart and the heatmap.
  const run = await user.api<{ id: string }>('POST', '/api/habits', {
    name: 'Run',
    frequency: 'daily',
    startDate: utcDate(-40),
    kind: 'measure',
    unit: 'km',
    target: { type: 'at_least', value: 20, period: 'week' },
  });
  runId = run.id;
  for (let day = -38; day <= -1; day += 3)
    await user.api('POST', '/api/habit-logs', {
      habitId: runId,
      logDate: utcDate(day),
      value: 4 + ((day + 38) % 4) * 1.5,
    });
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: 'Europe/Berlin',
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

describe('measured habits', () => {
  it('creates a measured habit whose target the editor says in words', async () => {
    await page.goto('/habits/new');
    await page.getByLabel('Name').fill('Water');
    await page.getByRole('radio', { name: 'An amount' }).check();
    await page.getByLabel('Amount', { exact: true }).fill('8');
    await page.getByLabel('Unit', { exact: true }).fill('glasses');
    await page.getByLabel('Per', { exact: true }).selectOption('day');
    await page.getByTestId('target-words').getByText('at least 8 glasses a day').waitFor();
    await page.getByLabel('Target', { exact: true }).selectOption('at_most');
    await page.getByTestId('target-words').getByText('at most 8 glasses a day').waitFor();
    await page.getByLabel('Target', { exact: true }).selectOption('at_least');
    expect(await captureEveryLook(page, 'measure-editor')).toEqual([]);

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/habits') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create habit' }).click();
    const body = (await (await created).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      kind: 'measure',
      unit: 'glasses',
      target: { type: 'at_least', value: 8, period: 'day' },
    });
    await page.getByTestId('schedule').getByText('Every day · at least 8 glasses a day').waitFor();
  });

  it('quick-adds and enters today’s amount on Today, with the progress bar following', async () => {
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    const card = habitCard('Water');
    await card.waitFor();
    const bar = card.getByRole('progressbar', { name: 'Progress of Water' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');

    const first = logResponse();
    await card.getByRole('button', { name: '+1 glasses to Water' }).click();
    expect((await first).status()).toBe(201);
    await card.getByTestId('period-words').getByText('1 of 8 glasses today').waitFor();

    // The usual amount of a day target is the target itself: +8 reaches it.
    const second = logResponse();
    await card.getByRole('button', { name: '+8 glasses to Water' }).click();
    const answer = (await (await second).json()) as { log: { value: number } };
    expect(answer.log.value).toBe(9);
    await until(async () => (await bar.getAttribute('aria-valuenow')) === '100', 'a full bar');

    const exact = logResponse();
    await card.getByLabel('Today’s amount of Water in glasses').fill('3.5');
    await card.getByRole('button', { name: 'Set today’s amount of Water' }).click();
    expect(((await (await exact).json()) as { log: { value: number } }).log.value).toBe(3.5);
    await card.getByTestId('period-words').getByText('3.5 of 8 glasses today').waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('44');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await captureEveryLook(page, 'measure-today')).toEqual([]);
  });

  it('charts a week habit’s totals against its target and shades its days by progress', async () => {
    await page.goto(`/habits/${runId}`);
    await page.getByTestId('schedule').getByText('at least 20 km a week').waitFor();
    const chart = page.getByTestId('values-chart');
    await chart.locator('ngx-charts-line-chart').waitFor();
    // Two lines drawn: the totals and the target.
    await until(async () => (await chart.locator('path.line').count()) === 2, 'two lines');
    // From the habit's start 40 days ago: the 6 or 7 ISO weeks it touches, not 12 empty ones.
    const weeks = await chart.locator('table tbody tr').count();
    expect(weeks >= 6 && weeks <= 7).toBe(true);
    const shaded = page.locator('[data-testid="heatmap"] .cell.measured');
    expect(await shaded.count()).toBeGreaterThan(30);
    const label = await shaded.last().getAttribute('aria-label');
    expect(label).toMatch(/% of the target$/);
    expect(await captureEveryLook(page, 'measure-detail')).toEqual([]);
  });
});

import { Browser, BrowserContext, Page } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium } from './support/browser';
import { overflowAt375, smallTouchTargets } from './support/layout';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * The Operations page (SPEC.md §6) as the admin sees it — the standalone app runs every job
 * once at start, so there are runs to show — and its absence for everyone else.
 */
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `ops-user-${Date.now()}@example.com`,
    password: 'correct horse battery',
  });
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: 'Europe/London',
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

describe('operations page', () => {
  it('shows an admin the run mode, the outbox, the jobs’ recent runs — on a phone too', async () => {
    await signInThroughPage(page, { ...app.operator, api: async () => undefined as never });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('heading', { name: 'Operations', level: 1 }).waitFor();
    await page.getByText('Standalone (embedded database)').waitFor();
    await page.getByTestId('no-queue').waitFor();
    // The start-up run of each job (day rollover, risk detection, nudges), newest first.
    await page.getByTestId('job-run').nth(2).waitFor();
    const runs = await page.getByTestId('job-run').allTextContents();
    for (const name of ['Day rollover', 'Risk detection', 'Nudges'])
      expect(runs.some((r) => r.includes(name) && r.includes('Succeeded'))).toBe(true);
    expect(await page.getByTestId('outbox-pending').textContent()).toMatch(/Events waiting\s*\d+/);

    expect(await captureEveryLook(page, 'operations')).toEqual([]);
    expect(await overflowAt375(page)).toBe(0);
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await smallTouchTargets(page)).toEqual([]);
    // Six destinations still fit the phone's tab bar.
    for (const tab of await nav.getByRole('link').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: /sign in/i }).waitFor();
  });

  it('is neither linked nor reachable for anyone else', async () => {
    await signInThroughPage(page, user);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toHaveLength(5);
    expect(await nav.getByRole('link', { name: 'Operations' }).count()).toBe(0);
    await page.goto('/operations');
    await page.getByRole('heading', { name: /not found/i }).waitFor();
  });
});

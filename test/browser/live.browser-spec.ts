import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createDailyHabits, registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium, seriousAxeViolations } from './support/browser';
import { overflowAt375 } from './support/layout';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * Live updates between two tabs of one browser (one refresh cookie) and another device (the
 * API): Today and the dashboard follow without a reload, and a dropped socket catches up by seq.
 */
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let tabA: Page;
let tabB: Page;
let user: TestUser;
let habitIds: Record<string, string>;

function habitCard(page: Page, name: string): Locator {
  return page.locator('article', { has: page.getByRole('heading', { name, exact: true }) });
}

function liveState(page: Page): Promise<string> {
  return page.evaluate('window.__htLive.state()') as Promise<string>;
}

/**
 * Polls from here: `page.waitForFunction` with a string builds its predicate with `new Function`
 * in the page when the first check fails, which the app's CSP (no 'unsafe-eval') refuses.
 */
async function waitUntilLive(page: Page, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate('!!window.__htLive && window.__htLive.state() === "live"'))) {
    if (Date.now() > deadline) throw new Error('the tab did not go live');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `live-${Date.now()}@example.com`,
    password: 'correct horse battery',
    timezone: 'America/New_York',
  });
  habitIds = await createDailyHabits(user, ['Stretch', 'Walk', 'Read']);
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: 'America/New_York',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  // Exposes window.__htLive (drop/restore/state) in the app, for these tests only.
  await context.addInitScript('window.__htTestHooks = true;');
  tabA = await context.newPage();
  tabA.setDefaultTimeout(10_000);
  await signInThroughPage(tabA, user);
  tabB = await context.newPage();
  tabB.setDefaultTimeout(10_000);
  await tabB.goto('/today');
  await habitCard(tabB, 'Read').waitFor();
  await Promise.all([waitUntilLive(tabA), waitUntilLive(tabB)]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('live updates', () => {
  it('shows a log made in one tab on the other tab’s Today without a reload', async () => {
    await tabA.getByRole('button', { name: 'Done Stretch' }).click();
    await habitCard(tabB, 'Stretch').getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    expect(await habitCard(tabB, 'Stretch').getByTestId('streak').textContent()).toBe(
      'Streak: 1 day',
    );
    await tabB.getByText('1 of 3 done').waitFor();
  });

  it('updates the dashboard’s figures and chart when a log arrives', async () => {
    await tabB.getByRole('link', { name: 'Dashboard' }).click();
    await tabB.getByTestId('due-today').filter({ hasText: '1 of 3' }).waitFor();
    // The chart really draws under zoneless OnPush: today's bar has a done part with height.
    const doneBars = tabB.locator('[data-testid="week-chart"] rect[data-kind="done"]');
    expect(await doneBars.count()).toBe(1);
    expect(Number(await doneBars.first().getAttribute('height'))).toBeGreaterThan(0);

    await tabA.getByRole('button', { name: 'Done Walk' }).click();
    await tabB.getByTestId('due-today').filter({ hasText: '2 of 3' }).waitFor();
    expect(await seriousAxeViolations(tabB)).toEqual([]);
  });

  it('catches up by seq after the socket was dropped and restored', async () => {
    await tabB.getByRole('link', { name: 'Today', exact: true }).click();
    await habitCard(tabB, 'Read').waitFor();
    const lastSeq = (await tabB.evaluate('window.__htLive.lastSeq()')) as number;
    expect(lastSeq).toBeGreaterThan(0);

    await tabB.evaluate('window.__htLive.drop()');
    expect(await liveState(tabB)).not.toBe('live');
    // Meanwhile, another device logs "Read".
    await user.api('POST', '/api/habit-logs', { habitId: habitIds['Read'], status: 'done' });

    const caughtUp = tabB.waitForResponse((r) => r.url().includes(`/api/events?since=${lastSeq}`));
    await tabB.evaluate('window.__htLive.restore()');
    const missed = (await (await caughtUp).json()) as {
      events: { type: string; seq: number; payload: { habit?: { id: string } } }[];
    };
    expect(missed.events.map((e) => e.seq)[0]).toBe(lastSeq + 1);
    expect(
      missed.events.some(
        (e) => e.type === 'habit_logged' && e.payload.habit?.id === habitIds['Read'],
      ),
    ).toBe(true);
    await habitCard(tabB, 'Read').getByTestId('state').filter({ hasText: 'Done' }).waitFor();
    await tabB.getByText('3 of 3 done').waitFor();
    await waitUntilLive(tabB);
    expect(await tabB.evaluate('window.__htLive.lastSeq()')).toBe(
      missed.events[missed.events.length - 1].seq,
    );
  });

  it('toasts and highlights a habit put at risk by another device, with the reason', async () => {
    await tabB.getByRole('link', { name: 'Dashboard' }).click();
    await tabB.getByTestId('due-today').filter({ hasText: '3 of 3' }).waitFor();
    // A daily habit backdated 4 days: its 4 unlogged past days are misses, so it starts at risk.
    const { today } = await user.api<{ today: string }>('GET', '/api/auth/me');
    const start = new Date(`${today}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 4);
    await user.api('POST', '/api/habits', {
      name: 'Floss',
      frequency: 'daily',
      startDate: start.toISOString().slice(0, 10),
    });

    const toast = tabB.getByTestId('toast').filter({ hasText: '“Floss” is at risk' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('4 misses in a row');
    const atRisk = tabB.getByTestId('at-risk-habit').filter({ hasText: 'Floss' });
    await atRisk.waitFor();
    expect(await atRisk.textContent()).toMatch(/4\s+misses in a row/);
    await tabB.getByTestId('due-today').filter({ hasText: '3 of 4' }).waitFor();
    expect(await overflowAt375(tabB)).toBe(0);
    // As wide as every other page (46rem), not wider (issue 16, point 8).
    expect((await tabB.locator('main').boundingBox())!.width).toBeLessThanOrEqual(46 * 16);
    expect(await captureEveryLook(tabB, 'dashboard')).toEqual([]);
  });

  it('logs an at-risk habit with one tap, which takes it off the at-risk list', async () => {
    const logged = tabB.waitForResponse((r) => r.url().endsWith('/api/habit-logs'));
    await tabB.getByRole('button', { name: 'Done Floss' }).click();
    expect((await logged).status()).toBe(201);
    await tabB.getByTestId('due-today').filter({ hasText: '4 of 4' }).waitFor();
    await tabB
      .getByTestId('at-risk-habit')
      .filter({ hasText: 'Floss' })
      .waitFor({ state: 'detached' });
  });
});

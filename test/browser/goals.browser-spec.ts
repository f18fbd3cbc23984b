import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createDailyHabits, registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium, seriousAxeViolations } from './support/browser';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/** Goals in Chromium against the real app: link two habits with weights, reach the goal live. */
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
let habitIds: Record<string, string>;

function goalCard(name: string): Locator {
  return page.locator('article', { has: page.getByRole('heading', { name, exact: true }) });
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `goals-${Date.now()}@example.com`,
    password: 'correct horse battery',
    fullName: 'Grace',
    timezone: 'Europe/Berlin',
  });
  habitIds = await createDailyHabits(user, ['Stretch', 'Swim']);
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

describe('goals', () => {
  it('creates a goal linked to two habits, one weighted', async () => {
    await page.getByRole('link', { name: 'Goals' }).click();
    await page.getByTestId('no-goals').waitFor();
    await page.getByRole('button', { name: 'New goal' }).click();
    await page.getByLabel('Name').fill('Move 3 times');
    await page.getByLabel('Target').fill('3');
    await page.getByLabel('Unit').fill('sessions');
    await page.getByRole('checkbox', { name: 'Stretch' }).check();
    await page.getByRole('checkbox', { name: 'Swim' }).check();
    await page.getByLabel('Weight for Swim').fill('2');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/goals') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create goal' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const goal = (await response.json()) as {
      habits: { habitId: string; contributionWeight: number; count: string }[];
    };
    // Links made in the editor count completions (SPEC.md §6: `count` defaults to completions).
    expect(goal.habits).toEqual(
      expect.arrayContaining([
        { habitId: habitIds['Stretch'], contributionWeight: 1, count: 'completions' },
        { habitId: habitIds['Swim'], contributionWeight: 2, count: 'completions' },
      ]),
    );
    const card = goalCard('Move 3 times');
    await card.getByTestId('goal-progress').filter({ hasText: '0 of 3 sessions' }).waitFor();
    // Links come in no particular order: check each one, not the sequence.
    const counted = await card.getByRole('list', { name: 'Counted habits' }).textContent();
    expect(counted).toMatch(/Stretch(?!\s*×)/);
    expect(counted).toMatch(/Swim\s*×2/);
    expect(await card.getByRole('link', { name: 'Swim' }).getAttribute('href')).toBe(
      `/habits/${habitIds['Swim']}`,
    );
  });

  it('counts a log from Today towards the goal', async () => {
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('button', { name: 'Done Stretch' }).click();
    await page.getByText('1 of 2 done').waitFor();
    await page.getByRole('link', { name: 'Goals' }).click();
    const card = goalCard('Move 3 times');
    await card.getByTestId('goal-progress').filter({ hasText: '1 of 3 sessions' }).waitFor();
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
  });

  it('reaches the goal when another device logs the weighted habit: a toast and a celebration', async () => {
    await user.api('POST', '/api/habit-logs', { habitId: habitIds['Swim'], status: 'done' });
    const toast = page.getByTestId('toast').filter({ hasText: 'Goal reached' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('“Move 3 times”: 3 of 3 sessions.');
    const card = goalCard('Move 3 times');
    await card.getByTestId('goal-state').filter({ hasText: 'Reached' }).waitFor();
    expect(await card.getByTestId('goal-progress').textContent()).toBe('3 of 3 sessions');
    expect(await card.getByRole('status').textContent()).toContain('Goal reached');
    // "Reached" once on the card, in its badge (issue 16, point 5).
    expect(await card.getByText('Reached', { exact: true }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows an overdue goal and edits a goal in place', async () => {
    await user.api('POST', '/api/goals', {
      name: 'Read 12 books',
      targetValue: 12,
      unit: 'books',
      baseValue: 2,
      startDate: '2024-01-01',
      deadline: '2024-12-31',
      habits: [],
    });
    await page.reload();
    const overdue = goalCard('Read 12 books');
    await overdue.getByTestId('goal-state').filter({ hasText: 'Overdue' }).waitFor();
    expect(await overdue.textContent()).toContain('Overdue since 31 December 2024');
    expect(await overdue.getByTestId('goal-progress').textContent()).toBe('2 of 12 books');

    await overdue.getByRole('button', { name: 'Edit Read 12 books' }).click();
    await page.getByLabel('Already done').fill('5');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await goalCard('Read 12 books')
      .getByTestId('goal-progress')
      .filter({ hasText: '5 of 12' })
      .waitFor();
    await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 15_000 });
    expect(await captureEveryLook(page, 'goals')).toEqual([]);
  });

  it('refuses nonsense before asking the server: a weight over 1000, a deadline before the start (point 5)', async () => {
    let posted = false;
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/goals')) posted = true;
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'New goal' }).click();
    await page.getByLabel('Name').fill('Huge');
    await page.getByLabel('Target').fill('10');
    await page.getByLabel('Unit').fill('sessions');
    await page.getByLabel('Counts logs from').fill('2026-01-10');
    await page.getByLabel('Deadline').fill('2020-01-01');
    await page.getByRole('checkbox', { name: 'Swim' }).check();
    await page.getByLabel('Weight for Swim').fill('1000000000');
    await page.getByRole('button', { name: 'Create goal' }).click();
    await page.locator('#goal-deadline-error').filter({ hasText: 'before' }).waitFor();
    await page.locator('#goal-habits-error').filter({ hasText: '1000' }).waitFor();
    expect(await page.getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Weight for Swim').getAttribute('max')).toBe('1000');
    page.off('request', onRequest);
    expect(posted).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a reached goal’s numbers the same way in the toast and on the card', async () => {
    const { Read: read } = await createDailyHabits(user, ['Read']);
    await user.api('POST', '/api/goals', {
      name: 'Thousands',
      targetValue: 1500,
      unit: 'pages',
      baseValue: 1499,
      habits: [{ habitId: read, contributionWeight: 1000 }],
    });
    await page.reload();
    await goalCard('Thousands').waitFor();
    await user.api('POST', '/api/habit-logs', { habitId: read, status: 'done' });
    const toast = page.getByTestId('toast').filter({ hasText: 'Thousands' });
    await toast.waitFor();
    const card = goalCard('Thousands');
    await card.getByTestId('goal-progress').filter({ hasText: '2,499 of 1,500 pages' }).waitFor();
    expect(await toast.textContent()).toContain('2,499 of 1,500 pages');
  });

  it('refuses a target of 0 before asking the server', async () => {
    await page.getByRole('button', { name: 'New goal' }).click();
    await page.getByLabel('Name').fill('Nothing');
    await page.getByLabel('Target').fill('0');
    await page.getByLabel('Unit').fill('things');
    await page.getByRole('button', { name: 'Create goal' }).click();
    await page.locator('#goal-target-error').filter({ hasText: 'above 0' }).waitFor();
    expect(await page.getByLabel('Target').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'New goal' }).waitFor();
  });
});

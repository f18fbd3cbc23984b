import { Browser, BrowserContext, Page } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium, seriousAxeViolations } from './support/browser';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * The habits screens in Chromium against the real app: the schedule builder's four kinds, the
 * year heatmap (backdating a day by clicking it), the charts drawing under OnPush in the
 * zoneless app, a suggestion applied, pause and resume, and delete's confirmation.
 */
const ZONE = 'Europe/London';

interface Habit {
  id: string;
  color: string;
  icon: string | null;
  name: string;
  frequency: string;
  timesPerWeek: number | null;
  daysOfWeek: number[] | null;
  intervalDays: number | null;
  startDate: string;
  difficulty: string;
  status: string;
  currentStreak: number;
  pausePeriods: { from: string; to: string | null }[];
}

let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
let today: string;
const created: Record<string, string> = {};

function addDays(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function habitCreated() {
  return page.waitForResponse(
    (r) => r.url().endsWith('/api/habits') && r.request().method() === 'POST',
  );
}

/** Fills the editor's name, lets `chooseSchedule` work the builder, creates, returns the habit. */
async function createThroughBuilder(
  name: string,
  chooseSchedule: () => Promise<void>,
  words: string,
): Promise<Habit> {
  await page.goto('/habits/new');
  await page.getByRole('heading', { name: 'New habit' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await chooseSchedule();
  expect((await page.getByTestId('schedule-words').textContent())?.trim()).toBe(
    `This habit will be due ${words}.`,
  );
  const response = habitCreated();
  await page.getByRole('button', { name: 'Create habit' }).click();
  expect((await response).status()).toBe(201);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  created[name] = id;
  return user.api<Habit>('GET', `/api/habits/${id}`);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `habits-${Date.now()}@example.com`,
    password: 'correct horse battery',
    fullName: 'Hedy',
    timezone: ZONE,
  });
  today = (await user.api<{ today: string }>('GET', '/api/auth/me')).today;
  context = await browser.newContext({
    baseURL: app.baseUrl,
    timezoneId: ZONE,
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

describe('habits', () => {
  it('checks the form on the client before sending anything', async () => {
    await page.getByRole('link', { name: 'Habits' }).click();
    await page.getByTestId('empty').waitFor();
    await page.getByRole('link', { name: 'New habit' }).click();
    await page.getByRole('heading', { name: 'New habit' }).waitFor();
    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/habits')) posted = true;
    });
    await page.getByLabel('Every N days').check();
    await page.getByLabel('Every how many days').fill('1');
    await page.getByRole('button', { name: 'Create habit' }).click();
    // The page renders on its own schedule (zoneless): wait for the messages.
    await page.locator('#habit-name-error').filter({ hasText: 'Give the habit a name.' }).waitFor();
    await page
      .locator('#schedule-interval-error')
      .filter({ hasText: 'Choose every 2 to 365 days.' })
      .waitFor();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toBe(false);
    expect(await captureEveryLook(page, 'habit-editor')).toEqual([]);

    // Fixing the fields takes the form's message away, before any new attempt (point 8).
    const message = page.getByRole('alert').filter({ hasText: 'correct the highlighted fields' });
    expect(await message.count()).toBe(1);
    await page.getByLabel('Name').fill('Fixed');
    await page.getByLabel('Every how many days').fill('2');
    await message.waitFor({ state: 'detached' });

    // A start date far ahead is limited, a near one explained (point 8).
    await page.getByLabel('Start date').fill(addDays(today, 3));
    await page.getByTestId('start-hint').filter({ hasText: 'shows on Today from then' }).waitFor();
    expect(await page.getByLabel('Start date').getAttribute('max')).toBe(addDays(today, 365));
  });

  it('creates each schedule kind through the builder, and the API’s habit matches', async () => {
    const daily = await createThroughBuilder(
      'Read',
      async () => {
        await page.getByLabel('Every day').check();
        // Ten days ago, so the heatmap has past days to backdate.
        await page.getByLabel('Start date').fill(addDays(today, -10));
      },
      'every day',
    );
    expect(daily).toMatchObject({
      frequency: 'daily',
      timesPerWeek: null,
      daysOfWeek: null,
      intervalDays: null,
      startDate: addDays(today, -10),
    });

    const weekly = await createThroughBuilder(
      'Swim',
      async () => {
        await page.getByLabel('Times a week', { exact: true }).check();
        await page.getByLabel('Times a week', { exact: true }).last().waitFor();
        await page.locator('#schedule-times').fill('4');
        // A colour and an icon (issue 16).
        await page.getByRole('radio', { name: 'Blue' }).check();
        await page.getByRole('radio', { name: 'Swimming' }).check();
      },
      '4 times a week',
    );
    expect(weekly).toMatchObject({
      frequency: 'weekly',
      timesPerWeek: 4,
      daysOfWeek: null,
      color: 'blue',
      icon: '🏊',
    });

    const weekdays = await createThroughBuilder(
      'Yoga',
      async () => {
        await page.getByLabel('On chosen days').check();
        // Mon, Wed and Fri come ticked; tick Tuesday and untick Wednesday.
        await page.getByRole('checkbox', { name: 'Tuesday' }).check();
        await page.getByRole('checkbox', { name: 'Wednesday' }).uncheck();
        await page.getByLabel('Difficulty').selectOption('hard');
      },
      'every Mon, Tue and Fri',
    );
    expect(weekdays).toMatchObject({
      frequency: 'custom',
      daysOfWeek: [1, 2, 5],
      intervalDays: null,
      timesPerWeek: null,
      difficulty: 'hard',
    });

    const interval = await createThroughBuilder(
      'Water the plants',
      async () => {
        await page.getByLabel('Every N days').check();
        await page.getByLabel('Every how many days').fill('3');
      },
      'every 3 days',
    );
    expect(interval).toMatchObject({ frequency: 'custom', intervalDays: 3, daysOfWeek: null });
  });

  it('lists the habits with their streak, consistency, strength and next due day', async () => {
    await page.goto('/habits');
    const read = page.locator('article', { has: page.getByRole('link', { name: 'Read' }) });
    await read.waitFor();
    expect(await page.locator('article').count()).toBe(4);
    expect(await read.getByTestId('streak').textContent()).toBe('0 days');
    expect(await read.getByTestId('next-due').textContent()).toBe('Today');
    const swim = page.locator('article', { has: page.getByRole('link', { name: 'Swim' }) });
    expect(await swim.getByTestId('streak').textContent()).toBe('0 weeks');
    expect(await captureEveryLook(page, 'habits-list')).toEqual([]);

    await page.getByRole('link', { name: 'Paused' }).click();
    await page.getByTestId('empty').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('paused');
  });

  it('logs a backdated day by clicking the heatmap: the cell and the streak change', async () => {
    await page.goto(`/habits/${created['Read']}`);
    await page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
    const yesterday = addDays(today, -1);
    const cell = page.locator(`[data-date="${yesterday}"]`);
    // A due day before today with no log is missed.
    await page.locator(`[data-date="${yesterday}"][data-status="missed"]`).waitFor();
    expect(await page.getByTestId('current-streak').textContent()).toBe('0 days');
    expect(await page.locator('[role="gridcell"]').count()).toBe(53 * 7);

    await cell.click();
    const dayLog = page.getByTestId('day-log');
    await dayLog.waitFor();
    expect(await dayLog.getByTestId('day-status').textContent()).toBe('missed');
    await dayLog.getByLabel('Done').check();
    await dayLog.getByLabel('Notes').fill('Two chapters');
    const logged = page.waitForResponse(
      (r) => r.url().endsWith('/api/habit-logs') && r.request().method() === 'POST',
    );
    await dayLog.getByRole('button', { name: 'Save day' }).click();
    const response = await logged;
    expect(response.status()).toBe(201);
    expect(((await response.json()) as { log: { logDate: string } }).log.logDate).toBe(yesterday);

    await page.locator(`[data-date="${yesterday}"][data-status="done"]`).waitFor();
    expect(await cell.getAttribute('aria-label')).toMatch(/: done$/);
    await page.getByTestId('current-streak').filter({ hasText: '1 day' }).waitFor();
    await dayLog.getByTestId('day-notes').filter({ hasText: 'Two chapters' }).waitFor();
    const stored = await user.api<Habit>('GET', `/api/habits/${created['Read']}`);
    expect(stored.currentStreak).toBe(1);
  });

  it('moves between days with the arrow keys; each cell names its day and status', async () => {
    const yesterday = addDays(today, -1);
    await page.locator(`[data-date="${yesterday}"]`).focus();
    await page.keyboard.press('ArrowRight');
    const focused = (await page.evaluate(
      'document.activeElement?.getAttribute("data-date")',
    )) as string;
    expect(focused).toBe(addDays(yesterday, 7) > today ? yesterday : addDays(yesterday, 7));
    await page.locator(`[data-date="${yesterday}"]`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement?.getAttribute("data-date")')).toBe(
      // Sunday is the last row: the focus stays.
      new Date(`${yesterday}T00:00:00Z`).getUTCDay() === 0 ? yesterday : today,
    );
    const label = await page.locator(`[data-date="${yesterday}"]`).getAttribute('aria-label');
    expect(label).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}: done$/);
    expect(await page.locator('[role="gridcell"][tabindex="0"]').count()).toBe(1);
  });

  it('draws the bar and line charts (ngx-charts under OnPush, zoneless)', async () => {
    // ngx-charts keeps a zero bar as a hidden path: wait for drawn ones (yesterday's week).
    const drawnBars = 'svg path.bar:not(.hidden)';
    // Read started 10 days ago: a bar for each week and month since then, none before (point 8).
    const start = addDays(today, -10);
    const mondayOf = (date: string) =>
      addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
    const weeks =
      (Date.parse(mondayOf(today)) - Date.parse(mondayOf(start))) / (7 * 86_400_000) + 1;
    const months = start.slice(0, 7) === today.slice(0, 7) ? 1 : 2;
    const weekly = page.getByTestId('weekly-chart');
    await weekly.locator(drawnBars).first().waitFor();
    expect(await weekly.locator('svg path.bar').count()).toBe(weeks);
    const monthly = page.getByTestId('monthly-chart');
    await monthly.locator(drawnBars).first().waitFor();
    expect(await monthly.locator('svg path.bar').count()).toBe(months);
    const trend = page.getByTestId('trend-chart');
    await trend.locator('svg path.line').first().waitFor();
    const path = (await trend.locator('svg path.line').first().getAttribute('d')) ?? '';
    expect(path.length).toBeGreaterThan(10);
    expect(await captureEveryLook(page, 'habit-detail')).toEqual([]);
  });

  it('after Edit → Save draws each part of the habit page once (issue 16, point 1)', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit habit' }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
    // Read has a mostly missed history, so it has suggestions; wait for them and the charts.
    await page.getByTestId('suggestion').first().waitFor();
    await page.getByTestId('heatmap').waitFor();
    await page.getByTestId('trend-chart').locator('svg path.line').first().waitFor();
    await page.getByTestId('monthly-chart').locator('svg path.bar:not(.hidden)').first().waitFor();
    expect(await page.getByText(/^Loading/).count()).toBe(0);
    expect(await page.getByTestId('no-suggestions').count()).toBe(0);
    expect(await page.locator('svg.ngx-charts').count()).toBe(3);
    expect(await page.getByTestId('heatmap').count()).toBe(1);
  });

  it('offers “Remove log” once, and only on a day that has a log (point 2)', async () => {
    const yesterday = addDays(today, -1);
    const dayLog = page.getByTestId('day-log');
    await page.locator(`[data-date="${yesterday}"]`).click();
    await dayLog.getByTestId('day-status').filter({ hasText: 'done' }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove log' }).count()).toBe(1);
    const unlogged = addDays(today, -3);
    await page.locator(`[data-date="${unlogged}"]`).click();
    await dayLog.getByTestId('day-status').filter({ hasText: 'missed' }).waitFor();
    expect(await page.getByRole('button', { name: 'Remove log' }).count()).toBe(0);
    expect(await page.getByTestId('day-log').count()).toBe(1);
    await dayLog.getByRole('button', { name: 'Close' }).click();
  });

  it('offers no day before the start date, and shows a failed save inside the day (point 3)', async () => {
    const beforeStart = page.locator(`[data-date="${addDays(today, -11)}"]`);
    expect(await beforeStart.getAttribute('aria-disabled')).toBe('true');
    // Playwright will not click a disabled cell: send the click a user's tap would.
    await beforeStart.dispatchEvent('click');
    expect(await page.getByTestId('day-log').count()).toBe(0);

    // The server refuses the day (as it would one before the start): the message is in the form.
    await page.route('**/api/habit-logs', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 422,
          error: 'Unprocessable Entity',
          code: 'LOG_DATE_BEFORE_START',
          message: 'The log date is before the habit’s start date.',
        }),
      }),
    );
    await page.locator(`[data-date="${addDays(today, -2)}"]`).click();
    const dayLog = page.getByTestId('day-log');
    await dayLog.getByRole('button', { name: 'Save day' }).click();
    await dayLog.getByRole('alert').filter({ hasText: 'before the habit started' }).waitFor();
    await page.unroute('**/api/habit-logs');
    await dayLog.getByRole('button', { name: 'Close' }).click();
  });

  it('moving the start date back explains the new misses first, and startles no one after (point 3)', async () => {
    const journal = await user.api<Habit>('POST', '/api/habits', {
      name: 'Journal',
      frequency: 'daily',
    });
    await page.goto(`/habits/${journal.id}/edit`);
    // The form is filled once the habit's status section shows.
    await page.getByRole('heading', { name: 'Status' }).waitFor();
    await page.getByLabel('Start date').fill(addDays(today, -15));
    await page
      .getByTestId('start-hint')
      .filter({ hasText: 'The 15 days from' })
      .filter({ hasText: 'will count as missed until you log them' })
      .waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('status').filter({ hasText: 'At risk' }).waitFor();
    // A later event from another device: once its toast shows, the at-risk one (earlier in
    // the user's sequence) has been received too — and was kept quiet, this tab having caused it.
    const goal = await user.api<{ id: string }>('POST', '/api/goals', {
      name: 'One swim',
      targetValue: 1,
      unit: 'swims',
      habits: [{ habitId: created['Swim'] }],
    });
    await user.api('POST', '/api/habit-logs', { habitId: created['Swim'], status: 'done' });
    await page.getByTestId('toast').filter({ hasText: 'Goal reached' }).waitFor();
    expect(await page.getByTestId('toast').filter({ hasText: 'is at risk' }).count()).toBe(0);
    await user.api('DELETE', `/api/goals/${goal.id}`);
    await user.api('DELETE', `/api/habits/${journal.id}`);
    await page.goto(`/habits/${created['Read']}`);
    await page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
  });

  it('pauses and resumes a habit', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('status').filter({ hasText: 'Paused' }).waitFor();
    let stored = await user.api<Habit>('GET', `/api/habits/${created['Read']}`);
    expect(stored.status).toBe('paused');
    expect(stored.pausePeriods).toEqual([{ from: today, to: null }]);
    expect(await page.getByTestId('next-due').textContent()).toBe('Not scheduled');
    // Pauses show on the habit's page, not only in its editor (point 8).
    expect(await page.getByTestId('pause-periods').textContent()).toContain('Paused since');

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('status').filter({ hasText: 'Active' }).waitFor();
    stored = await user.api<Habit>('GET', `/api/habits/${created['Read']}`);
    expect(stored.status).toBe('active');
    // A pause that started today is removed when it ends the same day.
    expect(stored.pausePeriods).toEqual([]);
  });

  it('applies a suggestion made from a mostly missed history', async () => {
    // Twenty days of a daily habit, done on only two: failure rate > 0.5, consistency < 30.
    const habit = await user.api<Habit>('POST', '/api/habits', {
      name: 'Floss',
      frequency: 'daily',
      startDate: addDays(today, -20),
    });
    for (const daysAgo of [15, 9]) {
      await user.api('POST', '/api/habit-logs', {
        habitId: habit.id,
        logDate: addDays(today, -daysAgo),
        status: 'done',
      });
    }
    await page.goto(`/habits/${habit.id}`);
    const suggestion = page.locator('[data-testid="suggestion"][data-type="reduce_frequency"]');
    await suggestion.waitFor();
    const applied = page.waitForResponse((r) => r.url().endsWith('/apply'));
    await suggestion.getByRole('button', { name: /^Apply/ }).click();
    expect((await applied).status()).toBe(200);
    await page.getByTestId('schedule').filter({ hasText: '5 times a week' }).waitFor();
    await suggestion.waitFor({ state: 'detached' });
    const stored = await user.api<Habit>('GET', `/api/habits/${habit.id}`);
    expect(stored).toMatchObject({ frequency: 'weekly', timesPerWeek: 5 });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('asks before deleting, naming the goals it affects, and offers archive instead', async () => {
    await user.api('POST', '/api/goals', {
      name: 'Read 20 days',
      targetValue: 20,
      unit: 'days',
      habits: [{ habitId: created['Read'] }],
    });
    await page.goto(`/habits/${created['Read']}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('affected-goals').waitFor();
    expect(await dialog.getByTestId('affected-goals').textContent()).toContain('Read 20 days');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Archive instead' }).click();
    await page.getByTestId('status').filter({ hasText: 'Archived' }).waitFor();
    expect((await user.api<Habit>('GET', `/api/habits/${created['Read']}`)).status).toBe(
      'archived',
    );
  });
});

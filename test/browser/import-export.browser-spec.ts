import * as fs from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { loopBackup, sampleLoopHistory } from '../../libs/import-export/src/testing/loop-fixtures';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { captureEveryLook, launchChromium } from './support/browser';
import { overflowAt375 } from './support/layout';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startStandaloneApp(), launchChromium()]);
  user = await registerUser(app.baseUrl, {
    email: `import-${Date.now()}@example.com`,
    password: 'correct horse battery',
  });
  context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInThroughPage(page, user);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('Settings → Import and export', () => {
  it('reads a Loop backup as a dry run, imports it on confirmation, and shows the result', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    await page.getByLabel('Import a file').setInputFiles({
      name: 'Loop Habits Backup.db',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await loopBackup(sampleLoopHistory())),
    });
    const summary = page.getByTestId('import-summary');
    await summary.filter({ hasText: 'Ready to import' }).waitFor();
    expect(await summary.locator('p').first().innerText()).toBe(
      'Ready to import from a Loop Habit Tracker backup: 5 new habits, 15 logs.',
    );
    // Loop's numerical "Run" comes in as a measurable habit: nothing is left out.
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      '"Call family": Loop\'s frequency 2/10 became once a week.',
    ]);
    // Nothing is written before the confirmation.
    expect(await user.api<unknown[]>('GET', '/api/habits')).toEqual([]);
    await page.getByRole('heading', { name: 'Import and export' }).scrollIntoViewIfNeeded();
    expect(await overflowAt375(page)).toBe(0);
    expect(await captureEveryLook(page, 'import-dry-run')).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await summary.filter({ hasText: 'Imported' }).waitFor();
    expect(await summary.locator('p').first().innerText()).toBe(
      'Imported from a Loop Habit Tracker backup: 5 new habits, 15 logs.',
    );
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    const habits = await user.api<{ name: string }[]>('GET', '/api/habits');
    expect(habits.map((h) => h.name)).toEqual(['Méditer 🧘', 'Gym', '読書', 'Call family', 'Run']);
    expect(await captureEveryLook(page, 'import-done')).toEqual([]);
  });

  it('downloads the account as JSON', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^habit-tracker-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      habits: { name: string; logs: unknown[] }[];
    };
    expect(doc.format).toBe('habit-tracker');
    expect(doc.habits.map((h) => [h.name, h.logs.length])).toEqual([
      ['Méditer 🧘', 5],
      ['Gym', 3],
      ['読書', 3],
      ['Call family', 2],
      ['Run', 2],
    ]);
  });

  it('explains a file it cannot read', async () => {
    await page.getByLabel('Import a file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('just some notes'),
    });
    await page.getByRole('alert').filter({ hasText: 'not one this app reads' }).waitFor();
    expect(await page.getByTestId('import-summary').count()).toBe(0);
  });
});

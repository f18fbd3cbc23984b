import { Browser, BrowserContext, Page } from 'playwright-core';
import { registerUser, signInThroughPage, TestUser } from './support/accounts';
import { launchChromium } from './support/browser';
import { StandaloneApp, startStandaloneApp } from './support/standalone-app';

/**
 * Issue 15: the app and Swagger UI under the Content-Security-Policy the server sends. Chromium
 * reports every blocked script, style, image, connection or inline handler as a
 * `securitypolicyviolation` event (and a console error): there must be none, on every screen,
 * with the charts drawn and the live socket connected.
 */
let app: StandaloneApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
let habitId: string;
const consoleViolations: string[] = [];

// Page code as a string: the server's tsconfig (which type-checks test/) has no DOM types.
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || ''));
  });
`;

async function violations(): Promise<string[]> {
  return [
    ...((await page.evaluate('window.__cspViolations || []')) as string[]),
    ...consoleViolations,
  ];
}

beforeAll(async () => {
  app = await startStandaloneApp();
  browser = await launchChromium();
  user = await registerUser(app.baseUrl, {
    email: 'csp@example.com',
    password: 'correct horse battery',
    fullName: 'Casey',
    timezone: 'UTC',
  });
  habitId = (
    await user.api<{ id: string }>('POST', '/api/habits', { name: 'Read', frequency: 'daily' })
  ).id;
  await user.api('POST', '/api/habit-logs', { habitId, status: 'done' });
  context = await browser.newContext({ baseURL: app.baseUrl });
  await context.addInitScript(RECORD_VIOLATIONS);
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      consoleViolations.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

it('every screen of the app loads and works with no CSP violation', async () => {
  const first = await page.goto('/sign-in');
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signInThroughPage(page, user);
  // Angular's critical-CSS loader (an inline onload handler, allowed by its hash) has run.
  // (Polled with evaluate, which CSP does not govern; waitForFunction's polling would eval.)
  const stylesApplied = `[...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.media === 'all')`;
  for (let i = 0; i < 200 && !(await page.evaluate(stylesApplied)); i++)
    await page.waitForTimeout(50);
  expect(await page.evaluate(stylesApplied)).toBe(true);
  await page
    .getByRole('button', { name: /Undo|Done/ })
    .first()
    .waitFor();

  await page.goto(`/habits/${habitId}`);
  await page.getByRole('heading', { name: 'Read' }).waitFor();
  // The charts (ngx-charts, loaded only here) draw their SVG.
  await page.locator('ngx-charts-bar-vertical svg, ngx-charts-line-chart svg').first().waitFor();

  for (const path of ['/dashboard', '/goals', '/settings', '/habits', '/today']) {
    await page.goto(path);
    await page.locator('main h1, main h2').first().waitFor();
  }
  expect(await violations()).toEqual([]);
});

it('Swagger UI renders the API document with no CSP violation', async () => {
  await page.goto('/api/docs');
  await page.getByText('Habit & Goal Tracker API').first().waitFor();
  await page.locator('.opblock').first().waitFor();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
  expect(await violations()).toEqual([]);
});

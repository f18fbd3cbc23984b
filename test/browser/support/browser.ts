import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs the `chromium` package); never a downloaded browser. */
export const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

/**
 * Waits until a JavaScript expression is true in the page. Playwright's `waitForFunction` polls
 * with `eval`, which the app's CSP refuses whenever the first check is false (a flaky failure
 * under load); `page.evaluate` goes through the DevTools protocol, which CSP does not govern.
 */
export async function waitForCondition(
  page: Page,
  expression: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`Boolean(${expression})`)) return;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    await page.waitForTimeout(50);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations (readably). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Page code as strings: the server's tsconfig (which type-checks test/) has no DOM types.
  const loaded = await page.evaluate('typeof axe !== "undefined"');
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not
  // govern (an injected <script> tag would be refused as inline script).
  if (!loaded) await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const violations = await page.evaluate('axe.run().then((result) => result.violations)');
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

export const VIEWPORTS = [
  { name: '375', width: 375, height: 812 },
  { name: '1280', width: 1280, height: 800 },
] as const;
export const SCHEMES = ['light', 'dark'] as const;

/**
 * Screenshots the page at each width in light and dark (the app follows the system scheme),
 * checking axe in each combination: contrast differs between the themes.
 */
export async function captureEveryLook(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme });
      const file = path.join(SCREENSHOT_DIR, `${name}-${viewport.name}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      for (const violation of await seriousAxeViolations(page))
        problems.push(`${name} ${viewport.name}px ${colorScheme}: ${violation}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (original) await page.setViewportSize(original);
  return problems;
}

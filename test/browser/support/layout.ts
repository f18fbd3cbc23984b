import { Page } from 'playwright-core';

/** How many CSS pixels the page is wider than a 375 px phone (0 when it fits). */
export async function overflowAt375(page: Page): Promise<number> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  if (original) await page.setViewportSize(original);
  return Math.max(0, width - 375);
}

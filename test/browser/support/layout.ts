import { Page } from 'playwright-core';

/** How many CSS pixels the page is wider than a 375 px phone (0 when it fits). */
export async function overflowAt375(page: Page): Promise<number> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  if (original) await page.setViewportSize(original);
  return Math.max(0, width - 375);
}

/**
 * Controls smaller than `min` × `min` CSS px (WCAG 2.5.5's 44 px), described readably. Links
 * inside running text are exempt (as in WCAG); a checkbox or radio counts by its label.
 */
export async function smallTouchTargets(page: Page, min = 44): Promise<string[]> {
  // Page code as a string: the server's tsconfig (which type-checks test/) has no DOM types.
  return (await page.evaluate(`(() => {
    const min = ${min};
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=gridcell][tabindex="0"]';
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (el.closest('[hidden], dialog:not([open]), .visually-hidden, .skip-link')) continue;
      let box = el;
      if (el.matches('input[type=checkbox], input[type=radio]')) box = el.closest('label') || el;
      if (el.tagName === 'A' && el.closest('p, dd, li, span, figcaption') && style.display === 'inline') {
        const block = el.closest('p, dd, li, figcaption');
        if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
      }
      const rect = box.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.width < min - 0.5 || rect.height < min - 0.5) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().slice(0, 40);
        small.push(el.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(rect.width) + '×' + Math.round(rect.height));
      }
    }
    return small;
  })()`)) as string[];
}

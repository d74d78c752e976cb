/**
 * The handbook's main pages in real Chromium: no serious axe violation in
 * either colour scheme, no horizontal scroll on a 360 px phone, no console
 * error; the glossary tooltips show on hover and keyboard focus without JavaScript;
 * the MDX components (standard-answers, cs-lead) work without JavaScript and print.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { collectErrors, FRAME_PAGES, seriousViolations, useSampleSite } from './browser.ts';

export const MAIN_PAGES = [
  '/',
  '/org/',
  '/roles/presales-cs/',
  '/sops/address-check/',
  '/glossary/',
  '/rhythm/',
  '/sops/standard-answers/',
  '/roles/cs-lead/',
  '/guide/',
  '/guide/en/',
];

const site = useSampleSite();

/** Opens a route; fails on an HTTP error status (a page that was not built). */
async function open(route: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage(options);
  const errors = collectErrors(page);
  const response = await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
  expect(response?.status(), `${route} was not built`).toBe(200);
  return { page, errors };
}

describe.each(MAIN_PAGES)('%s', (route) => {
  // frame.test.ts runs axe on its pages in these two views and two more.
  it.skipIf(FRAME_PAGES.includes(route)).each(['light', 'dark'] as const)(
    'has no serious or critical axe violation in the %s scheme, and logs no error',
    async (colorScheme) => {
      const { page, errors } = await open(route, { colorScheme, viewport: { width: 1280, height: 900 } });
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('does not scroll sideways on a 360 px phone', async () => {
    const { page, errors } = await open(route, { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // For the failure message: the elements that stick out.
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    }));
    expect(scrollWidth, `wider than the screen: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Focuses the page's first glossary link the way a keyboard user reaches it; returns its tooltip, once shown. */
async function showFirstTip(page: Page): Promise<Locator> {
  const link = page.locator('main a.term').first();
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const tip = page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`);
  await expect.poll(() => tip.isVisible()).toBe(true);
  return tip;
}

describe('glossary tooltips', () => {
  const ROUTE = '/roles/presales-cs/';

  it('are hidden until the term is hovered or focused with the keyboard, then show the definition', async () => {
    const { page } = await open(ROUTE, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const link = page.locator('main a.term').first();
    const tipId = await link.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    expect(await tip.getAttribute('role')).toBe('tooltip');
    expect(await tip.isVisible()).toBe(false);
    expect(await link.getAttribute('href')).toMatch(/^\/glossary\/#./);

    await link.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect((await tip.textContent())!.length).toBeGreaterThan(5);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);

    // Keyboard: focus what comes before the link, then Tab onto it.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await link.evaluate((a) => a === document.activeElement && a.matches(':focus-visible'))).toBe(true);
    await expect.poll(() => tip.isVisible()).toBe(true);
    // The link's accessible name is the word alone, even with the tip shown; the definition is its description.
    const word = (await link.textContent())!;
    expect(await link.ariaSnapshot()).toContain(`link "${word}"`);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('are accessible and readable when shown (%s)', async (colorScheme) => {
    const { page } = await open(ROUTE, { colorScheme, viewport: { width: 1280, height: 900 } });
    await showFirstTip(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('stay inside a 360 px screen when shown', async () => {
    const { page } = await open(ROUTE, { viewport: { width: 360, height: 780 } });
    const tip = await showFirstTip(page);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it.each([
    ['/roles/promoter/', 1280],
    ['/roles/ops-director/', 1024],
    ['/roles/ops-director/', 360],
  ] as const)('on %s at %i px: every tip, when shown, lies inside the window and widens nothing', async (route, width) => {
    const { page } = await open(route, { viewport: { width, height: 700 } });
    await page.keyboard.press('Tab'); // keyboard modality: script focus then matches :focus-visible
    const links = await page.locator('main a.term').all();
    expect(links.length).toBeGreaterThan(2);
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    const before = await scrollWidth();
    for (const link of links) {
      await link.focus();
      const tip = page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`);
      await expect.poll(() => tip.isVisible()).toBe(true);
      const box = (await tip.boundingBox())!;
      const where = `${await link.textContent()} at ${JSON.stringify(box)}`;
      expect(box.x, where).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, where).toBeLessThanOrEqual(width);
      expect(box.y, where).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, where).toBeLessThanOrEqual(700);
      expect(await scrollWidth(), where).toBe(before);
    }
    await page.close();
  });

  it('are not printed', async () => {
    const { page } = await open(ROUTE);
    await page.emulateMedia({ media: 'print' });
    const link = page.locator('main a.term').first();
    await link.focus();
    const tip = page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`);
    expect(await tip.isVisible()).toBe(false);
    await page.close();
  });
});

describe('MDX components', () => {
  const ROUTE = '/sops/standard-answers/';

  it('<Checklist> items tick by clicking their words, without JavaScript, and print as empty boxes', async () => {
    const { page, errors } = await open(ROUTE, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const boxes = page.locator('main .checklist input[type="checkbox"]');
    expect(await boxes.count()).toBe(3);
    await page.locator('main .checklist .checklist-text').first().click();
    expect(await boxes.first().isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await boxes.nth(1).isChecked()).toBe(true);
    // The box is named by its words.
    expect(await boxes.first().ariaSnapshot()).toMatch(/checkbox "[^"]{4,}"/);
    await page.emulateMedia({ media: 'print' });
    const printed = await boxes.first().evaluate((box) => {
      const style = getComputedStyle(box);
      return {
        appearance: style.appearance,
        border: style.borderTopStyle,
        width: box.getBoundingClientRect().width,
        visible: style.display !== 'none' && style.visibility !== 'hidden',
      };
    });
    expect(printed).toMatchObject({ appearance: 'none', border: 'solid', visible: true });
    expect(printed.width).toBeGreaterThan(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('<Callout> is a note named by its label, and prints black on white', async () => {
    const { page } = await open(ROUTE, { colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const note = page.getByRole('note', { name: '危险：不许乱承诺' });
    expect(await note.count()).toBe(1);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colors = await note.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      label: getComputedStyle(el.querySelector('.callout-label')!).color,
    }));
    expect(colors).toEqual({ bg: 'rgba(0, 0, 0, 0)', label: 'rgb(0, 0, 0)' });
    await page.close();
  });
});

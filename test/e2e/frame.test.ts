/**
 * The reader's page frame (issue 16) in real Chromium at 360 and 1280 px, light
 * and dark: no serious axe violation, the sticky header, 本页目录 (a rail that
 * tracks the section in view on desktop, a folding list on phones), the site
 * menu as a drawer that opens in place, and tap targets of at least 24 × 24 px.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, FRAME_PAGES, seriousViolations, useSampleSite } from './browser.ts';

const site = useSampleSite();

const PAGES = FRAME_PAGES;
const [, , ROLE, SOP] = FRAME_PAGES as [string, string, string, string, string];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

async function open(route: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage(options);
  const errors = collectErrors(page);
  const response = await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
  expect(response?.status(), `${route} was not built`).toBe(200);
  return { page, errors };
}

const phone = (colorScheme: 'light' | 'dark' = 'light') => ({ viewport: PHONE, isMobile: true, hasTouch: true, colorScheme });

describe.each(PAGES)('%s', (route) => {
  it.each([
    ['1280', 'light'],
    ['1280', 'dark'],
    ['360', 'light'],
    ['360', 'dark'],
  ] as const)('has no serious or critical axe violation at %s px, %s', async (width, colorScheme) => {
    const { page, errors } = await open(route, width === '360' ? phone(colorScheme) : { viewport: DESKTOP, colorScheme });
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the header', () => {
  it.each([
    ['desktop', { viewport: DESKTOP }],
    ['phone', phone()],
  ] as const)('stays in view after scrolling (%s), with search in it', async (_, options) => {
    const { page } = await open(ROLE, options);
    await page.evaluate(() => scrollTo(0, 2500));
    await page.waitForFunction(() => scrollY > 2000);
    const box = await page.locator('.site-header').boundingBox();
    expect(box?.y).toBe(0);
    expect(await page.locator('.site-header [data-search-trigger]').isVisible()).toBe(true);
    await page.close();
  });
});

describe('本页目录', () => {
  it('stands at the right of a long page on desktop and marks the section being read', async () => {
    const { page, errors } = await open(ROLE, { viewport: DESKTOP });
    const rail = page.locator('.toc-rail');
    expect(await rail.isVisible()).toBe(true);
    expect(await page.locator('.toc-fold').isVisible()).toBe(false);
    const railBox = (await rail.boundingBox())!;
    const mainBox = (await page.locator('main').boundingBox())!;
    expect(railBox.x).toBeGreaterThan(mainBox.x + mainBox.width - 1);
    const links = rail.locator('a');
    expect(await links.count()).toBeGreaterThanOrEqual(3);

    // Every entry is a section of the page; scrolling to one marks it, and only it.
    const ids = await links.evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    for (const id of ids) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    const target = ids[2]!;
    await page.locator(`[id="${target}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => rail.locator('a[aria-current="true"]').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1)))))
      .toEqual([target]);
    // The rail stays in view while the page scrolls.
    expect((await rail.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    expect(await rail.isVisible()).toBe(true);

    // Back at the top, the first section is marked.
    await page.evaluate(() => scrollTo(0, 0));
    await expect
      .poll(() => rail.locator('a[aria-current="true"]').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1)))))
      .toEqual([ids[0]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds at the top of the page on a phone', async () => {
    const { page } = await open(ROLE, phone());
    expect(await page.locator('.toc-rail').isVisible()).toBe(false);
    const fold = page.locator('.toc-fold');
    expect(await fold.isVisible()).toBe(true);
    expect((await fold.boundingBox())!.y).toBeLessThan(PHONE.height);
    expect(await fold.locator('a').first().isVisible()).toBe(false);
    await fold.locator('summary').click();
    const last = fold.locator('a').last();
    expect(await last.isVisible()).toBe(true);
    await last.click();
    const id = decodeURIComponent((await last.getAttribute('href'))!.slice(1));
    await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(200);
    await page.close();
  });

  it('is left out on a page with fewer than three sections', async () => {
    const { page } = await open('/departments/', { viewport: DESKTOP });
    const sections = await page.locator('main h2').count();
    expect(sections).toBeLessThan(3);
    expect(await page.locator('[data-toc]').count()).toBe(0);
    await page.close();
  });
});

describe('the site menu on a phone', () => {
  it('opens as a drawer in place, without moving the page, and closes with Escape', async () => {
    const { page, errors } = await open(ROLE, phone());
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    await page.evaluate(() => scrollTo(0, 1200));
    await page.waitForFunction(() => scrollY === 1200);
    const before = await page.evaluate(() => ({ y: scrollY, hash: location.hash }));
    // A real tap at the button's place (Playwright's click() would first scroll the element "into view").
    const button = (await page.locator('[data-menu-open]').boundingBox())!;
    await page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
    const panel = page.locator('.site-menu-panel');
    await expect.poll(async () => (await panel.boundingBox())?.x).toBe(0);
    expect(await page.evaluate(() => ({ y: scrollY, hash: location.hash }))).toEqual(before);
    expect(await page.locator('[data-menu-open]').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.menu-nav').isVisible()).toBe(true);
    expect(await page.locator('.sidebar a[aria-current="page"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null)).toBe(true);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    // Tab stays inside the open menu.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.site-menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => scrollY)).toBe(before.y);
    expect(await page.locator('[data-menu-open]').getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-menu-open]'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens without JavaScript too', async () => {
    const { page } = await open(ROLE, { ...phone(), javaScriptEnabled: false });
    await page.locator('[data-menu-open]').click();
    await expect.poll(async () => (await page.locator('.site-menu-panel').boundingBox())?.x).toBe(0);
    expect(await page.locator('.menu-nav').isVisible()).toBe(true);
    await page.close();
  });

  it('is the left column on desktop, next to the main navigation in the header', async () => {
    const { page } = await open(ROLE, { viewport: DESKTOP });
    expect(await page.locator('[data-menu-open]').isVisible()).toBe(false);
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    expect(await page.locator('.menu-nav').isVisible()).toBe(false);
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(main.x);
    await page.close();
  });
});

describe('breadcrumbs and previous/next', () => {
  it('are kept on entry pages', async () => {
    const { page } = await open(SOP, { viewport: DESKTOP });
    expect(await page.locator('main .breadcrumbs a').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('main .pager a').count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

describe('new hires first', () => {
  it('a role page leads with the role, 新人提示 and 入职路径, then its SOPs, then responsibilities, KPIs and staffing', async () => {
    const { page } = await open(ROLE, { viewport: DESKTOP });
    const headings = await page.locator('main h2').allTextContents();
    const at = (text: string) => {
      const i = headings.findIndex((h) => h.trim() === text);
      expect(i, `${text} in ${headings.join(' | ')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = ['新人提示', '入职路径', '负责的 SOP', '岗位职责', '考核指标', '人员配置'].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The onboarding path comes in the author's phases, 首次响应 20 秒 first.
    expect(await page.locator('#onboarding h3').allTextContents()).toEqual(expect.arrayContaining(['第一天', '第一周', '第一个月']));
    expect(await page.locator('#onboarding input[data-key]').first().getAttribute('data-key')).toBe('sop:first-reply-20s');
    await page.close();
  });

  it('the home page opens with 我是新人 and every role, each to its onboarding path', async () => {
    const { page } = await open('/', { viewport: DESKTOP });
    expect((await page.locator('main h2').first().textContent())?.trim()).toBe('我是新人');
    const newcomer = page.locator('.newcomer');
    expect(await newcomer.locator('a[href$="#onboarding"]').count()).toBe(11);
    await newcomer.locator('a', { hasText: '售前客服' }).click();
    await page.waitForURL(/\/roles\/presales-cs\/#onboarding$/);
    await page.close();
  });

  it("/start/ shows the reader's own progress per role after ticking", async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${ROLE}`, { waitUntil: 'load' });
    const total = await page.locator('#onboarding input[data-key]').count();
    for (const key of ['sop:first-reply-20s', 'sop:standard-answers', 'term:旺旺']) await page.locator(`input[data-key="${key}"]`).check();
    await page.goto(`${site.server.url}/start/`, { waitUntil: 'load' });
    const count = page.locator(`[data-progress$="presales-cs"]`);
    expect((await count.textContent())?.trim()).toBe(`已完成 3 / ${total}`);
    expect(await page.locator('[data-progress$="presales-cs"] + progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(3);
    expect((await page.locator('[data-progress$="aftersales-cs"]').textContent())?.trim()).toMatch(/^已完成 0 \/ \d+$/);
    await context.close();
  });
});

describe('SOP steps', () => {
  it('are a numbered sequence, not checkboxes that look like saved progress', async () => {
    const { page } = await open(SOP, { viewport: DESKTOP });
    expect(await page.locator('ol.steps > li').count()).toBeGreaterThan(2);
    expect(await page.locator('ol.steps input').count()).toBe(0);
    expect(await page.locator('ol.steps .step-number').first().textContent()).toBe('1');
    await page.close();
  });
});

describe('touch targets on a phone', () => {
  it.each([ROLE, SOP, '/', '/start/'])('are at least 24 × 24 px on %s', async (route) => {
    const { page } = await open(route, phone());
    const small = await page.evaluate(() => {
      const targets = [
        ...document.querySelectorAll<HTMLElement>('input, button, select, summary, .site-header a, .menu-nav a, [data-toc] a, .pager a, .newcomer a'),
      ];
      return targets
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ el, box }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(box.width)}×${Math.round(box.height)}`);
    });
    expect(small).toEqual([]);
    await page.close();
  });

  it('has 16 px text in inputs, so phones do not zoom in', async () => {
    const { page } = await open('/search/', phone());
    expect(
      await page
        .locator('input[type="search"]')
        .first()
        .evaluate((i) => getComputedStyle(i).fontSize),
    ).toBe('16px');
    await page.close();
  });
});

/**
 * Search on a site published under a sub-path (OPSBOOK_BASE=/handbook, as on
 * GitHub Pages): the index, the result cards and every result link carry the
 * base, on the first query (fragments) and on later ones (cards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectErrors, testBrowser, serveDir, type StaticServer } from './browser.ts';
import { buildSite } from '../build/helpers.ts';

const BASE = '/handbook/';
let browser: Browser;
let server: StaticServer;

beforeAll(() => {
  const built = buildSite('content', { OPSBOOK_BASE: '/handbook', OPSBOOK_SITE: 'https://handbook.example.com' });
  expect(built.code, built.output.slice(-2000)).toBe(0);
  return (async () => {
    server = await serveDir(built.outDir, BASE);
    browser = await testBrowser();
  })();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search under a base path', () => {
  it('finds, links and opens results under the base, before and after the result cards are in', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}${BASE}sops/address-check/`, { waitUntil: 'load' });
    await page.keyboard.press('/');
    const input = page.locator('.search-dialog[open] input');
    await input.fill('直通车日常优化');
    const first = page.locator('.search-dialog [role="option"]').first();
    await expect.poll(() => first.getAttribute('href')).toBe(`${BASE}sops/ztc-daily/`);
    // The cards come after the first query; the next results are listed from them.
    await expect.poll(() => requested.some((p) => /^\/handbook\/pagefind\/opsbook-cards\.[0-9a-f]+\.json$/.test(p))).toBe(true);
    await page.waitForLoadState('load');
    await input.fill('直通車');
    await expect.poll(() => first.getAttribute('href')).toBe(`${BASE}glossary/#直通车`);
    const hrefs = await page.locator('.search-dialog [role="option"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/^\/handbook\/(sops|roles|departments|plans|glossary)\//);
    await page.keyboard.press('ArrowDown');
    const second = hrefs[1]!;
    await Promise.all([page.waitForURL((url) => url.pathname === decodeURIComponent(second.split('#')[0]!)), page.keyboard.press('Enter')]);
    expect(requested.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

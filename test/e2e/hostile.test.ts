/**
 * Content is data, in the browser: a handbook whose bodies hold every construct the allowlist refuses
 * (and whose YAML text holds script), built with the check reporting but not stopping the build, opened
 * in Chromium. Nothing may run: no global set, no dialog, no request to another origin, no CSP violation
 * (nothing even tried), and the page is there to read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite } from '../build/helpers.ts';
import { hostileHandbook } from '../build/hostile.ts';
import { testBrowser, serveDir, type StaticServer } from './browser.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const dir = hostileHandbook();
  // YAML text too: the site name shows on every page.
  const site = readFileSync(path.join(dir, 'site.yaml'), 'utf8').replace(
    /^name: .*$/m,
    `name: '手册<script>alert("yaml")</script><img src=x onerror=alert("yaml-img")>'`,
  );
  writeFileSync(path.join(dir, 'site.yaml'), site);
  const built = buildSite(dir, {}, { config: 'test/build/unchecked.config.mjs' });
  expect(built.code, built.output).toBe(0);
  server = await serveDir(built.outDir);
  browser = await testBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(['/sops/hostile-md/', '/sops/hostile-mdx/'])('%s built from hostile content', (route) => {
  it('runs nothing, asks nothing, loads nothing from elsewhere, and shows the text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    const foreign: string[] = [];
    const console: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== server.url) foreign.push(request.url());
    });
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));

    const response = await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Give timers, toggles and late handlers their chance.
    await page.locator('main section.body details summary').first().click();
    await page.mouse.move(640, 450);
    await page.waitForTimeout(300);

    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: unknown }).pwned,
      base: document.baseURI,
      bodyDisplay: getComputedStyle(document.body).display,
      refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
      title: document.title,
    }));
    expect(state.pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(console.filter((line) => /Content Security Policy|pageerror/i.test(line))).toEqual([]);
    expect(state.base).toBe(`${server.url}${route}`);
    expect(state.refresh).toBe(0);
    expect(state.bodyDisplay).not.toBe('none');
    expect(state.title).toContain('手册<script>');

    // Visible, and not covered by anything: the element at the text's centre is the text's own.
    const text = page.locator('main').getByText('保留的文字', { exact: false }).first();
    await expect.poll(() => text.isVisible()).toBe(true);
    const box = (await text.boundingBox())!;
    const covered = await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('main'), { x: box.x + 4, y: box.y + box.height / 2 });
    expect(covered).toBe(false);
    expect(page.url()).toBe(`${server.url}${route}`);
    await page.close();
  });
});

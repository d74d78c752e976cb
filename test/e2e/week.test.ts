/**
 * A 周报 in real Chromium: no script loaded or present, no console error, no serious axe violation; on a
 * 360 px phone its tables scroll inside the page rather than widen it; in print its navigation is gone and
 * it fits one A4 portrait page (its PDF, from `npm run pdf`, is checked in pdf.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectErrors, scriptRequests, seriousViolations, useSampleSite } from './browser.ts';

const site = useSampleSite();

describe('a weekly review (周报)', () => {
  it.each(['/plans/home-2014/week/2014-W27/', '/plans/home-2014/week/2014-W36/'])('%s loads no script and has none', async (route) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const scripts = scriptRequests(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    expect(scripts).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toMatch(/^推动力家居生活馆 2014 年第 \d+ 周 周报$/);
    expect(await page.locator('#daily tbody tr').count()).toBe(7);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not widen a 360 px phone: its tables scroll on their own', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.server.url}/plans/home-2014/week/2014-W40/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // A date stays on one line (no digit-per-line column).
    const height = await page
      .locator('#daily tbody tr')
      .first()
      .evaluate((row) => row.getBoundingClientRect().height);
    expect(height).toBeLessThan(40);
    await page.close();
  });

  it('prints on one A4 portrait page without its navigation', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/plans/home-2014/week/2014-W27/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.review-nav').isVisible()).toBe(false);
    expect(await page.locator('[data-search-trigger], header nav').count()).toBe(0);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'opsbook-week-')), 'week.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const meta = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(meta).toMatch(/Pages:\s+1\n/);
    // A4 portrait: about 595 × 842 points, taller than wide.
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(meta)!.slice(1).map(Number);
    expect(width).toBeLessThan(height!);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('仅有月度数据');
    expect(text).toContain('上周没有按日数据');
    await page.close();
  });
});

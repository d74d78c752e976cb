/** Plan pages in real Chromium: charts draw, tables match the charts, the calculator works, nothing errs. */
import { describe, expect, it } from 'vitest';
import { collectErrors, serveDir, seriousViolations, useSampleSite } from './browser.ts';

const PLAN_PAGES = ['/plans/home-2014/', '/plans/launch-2017/', '/plans/home-2014/print/', '/plans/launch-2017/print/'];

const site = useSampleSite();

/** Numbers in a table column, read from the data-value the page wrote beside the formatted text. */
const parse = (value: string) => (value === '' ? null : Number(value));

describe.each(PLAN_PAGES)('%s', (route) => {
  it('draws every chart canvas, with the same numbers as its table, and logs no error', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'networkidle' });
    const canvases = await page.locator('canvas[data-chart]').evaluateAll((nodes) =>
      (nodes as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return { chart: canvas.dataset.chart!, painted, total: canvas.width * canvas.height, series: canvas.dataset.series };
      }),
    );
    // Both sample plans have months and stages, so all three charts are shown; home-2014 also has actuals
    // (its chart is compared with #actuals-months in test/e2e/actuals.test.ts).
    expect(
      canvases
        .map((c) => c.chart)
        .filter((c) => c !== 'actuals')
        .sort(),
    ).toEqual(['cumulative', 'monthly', 'stages']);
    for (const canvas of canvases.filter((c) => c.chart !== 'actuals')) {
      expect(canvas.painted, `${canvas.chart} is blank`).toBeGreaterThan(canvas.total * 0.01);
      const series = JSON.parse(canvas.series!) as (number | null)[][];
      const columns = await page
        .locator(`table[data-chart-table="${canvas.chart}"] tbody tr`)
        .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? '')));
      // Column j of the table is dataset j of the chart (the cumulative target line repeats the target).
      series.forEach((dataset, j) => {
        expect(
          columns.map((cells) => parse(cells[j]!)),
          `${canvas.chart} dataset ${j}`,
        ).toEqual(dataset);
      });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the staffing calculator', () => {
  it('shows headcount for typed orders and for a month, with the static table for print', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'networkidle' });
    const calculator = page.locator('[data-staffing-calculator]');
    await expect.poll(() => calculator.isVisible()).toBe(true);
    await calculator.locator('[data-orders]').fill('150');
    await expect.poll(() => calculator.locator('[data-role="presales-cs"]').textContent()).toBe('3');
    expect(await calculator.locator('[data-role="warehouse-keeper"]').textContent()).toBe('3');
    expect(await calculator.locator('[data-role="data-analyst"]').textContent()).toBe('0');
    await calculator.locator('[data-orders]').fill('250');
    await expect.poll(() => calculator.locator('[data-role="data-analyst"]').textContent()).toBe('1');
    const staticHeaders = await page.locator('.staffing-grid thead th').allTextContents();
    expect(staticHeaders.slice(1).map((h) => parseInt(h, 10))).toEqual([50, 100, 150, 250, 350]);
    await page.close();
  });
});

describe('plan pages are accessible', () => {
  it.each(['light', 'dark'] as const)('has no serious axe violation in the %s scheme', async (colorScheme) => {
    const page = await site.browser.newPage({ colorScheme });
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'networkidle' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('Chart.js loads only where a chart is shown', () => {
  it('is absent from role, SOP and glossary pages', async () => {
    for (const route of ['/roles/presales-cs/', '/sops/address-check/', '/glossary/']) {
      const page = await site.browser.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(`${site.server.url}${route}`, { waitUntil: 'networkidle' });
      expect(
        scripts.filter((url) => url.includes('PlanCharts')),
        route,
      ).toEqual([]);
      await page.close();
    }
  });
});

describe('a plan with an average order value', () => {
  it('turns a month of the plan into orders per day and headcount', async () => {
    const { buildSite } = await import('../build/helpers.ts');
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-aov-'));
    cpSync('content', folder, { recursive: true });
    const file = path.join(folder, 'plans/home-2014.md');
    // 客单价 200元: November's 100万 is 5,000 orders, 167 a day (rounded up).
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^store: (.*)$/m, 'store: $1\naverageOrderValue: 200元'));
    const built = buildSite(folder);
    expect(built.code, built.output).toBe(0);
    const aovServer = await serveDir(built.outDir);
    const page = await site.browser.newPage();
    await page.goto(`${aovServer.url}/plans/home-2014/`, { waitUntil: 'networkidle' });
    const calculator = page.locator('[data-staffing-calculator]');
    await calculator.locator('[data-month]').selectOption({ label: '2014-11（167 单/天）' });
    await expect.poll(() => calculator.locator('[data-orders]').inputValue()).toBe('167');
    expect(await calculator.locator('[data-role="presales-cs"]').textContent()).toBe('3');
    expect(await page.locator('table.months').textContent()).toContain('167');
    await page.close();
    await aovServer.close();
  });
});

describe('plan pages on a phone', () => {
  it.each(['/plans/home-2014/', '/plans/launch-2017/'])('%s does not scroll sideways at 360 px', async (route) => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

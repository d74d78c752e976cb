/** Plan pages in real Chromium: charts draw, tables match the charts, the calculator works, nothing errs. */
import { describe, expect, it } from 'vitest';
import { collectErrors, serveDir, seriousViolations, useSampleSite } from './browser.ts';

/** The interactive charts are on the plan pages; the print report draws its one static chart (below). */
const PLAN_PAGES = ['/plans/home-2014/', '/plans/launch-2017/'];

const site = useSampleSite();

/** Numbers in a table column, read from the data-value the page wrote beside the formatted text. */
const parse = (value: string) => (value === '' ? null : Number(value));

describe.each(PLAN_PAGES)('%s', (route) => {
  it("shows the pointed month's values over a chart, and hides them when the pointer leaves", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    const canvas = page.locator('canvas[data-chart="monthly"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const values = page.locator('#chart-monthly .chart-values');
    await values.waitFor({ state: 'visible' });
    const lines = await values.locator('> *').allTextContents();
    const months = await page.locator('table[data-chart-table="monthly"] tbody tr > :first-child').allTextContents();
    expect(months.map((m) => m.trim())).toContain(lines[0]);
    // The month, then one line per series (revenue, marketing, ROI), each "label：value".
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/：(?:[\d.,]+|—)/);
    expect(await values.getAttribute('aria-hidden')).toBe('true');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height + 200);
    await values.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws every chart canvas, with the same numbers as its table, and logs no error', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
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
      // The key beside the chart (HTML, not Chart.js's legend) names its series as the table's columns do.
      const figure = page.locator('figure.chart-figure', { has: page.locator(`canvas[data-chart="${canvas.chart}"]`) });
      const key = await figure.locator('[data-chart-legend] li').allTextContents();
      const headings = await page.locator(`table[data-chart-table="${canvas.chart}"] thead th`).allTextContents();
      expect(key.map((text) => text.trim())).toEqual(headings.slice(1).map((text) => text.trim()));
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
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'load' });
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

describe.each(['/plans/home-2014/print/', '/plans/launch-2017/print/', '/plans/home-2014/summary/'])('%s', (route) => {
  it('draws the static monthly chart in 万元 with ROI on its own panel, and logs no error', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    const chart = page.locator('figure.report-chart svg');
    await expect(chart.count()).resolves.toBe(1);
    const text = await chart.textContent();
    expect(text).toContain('万元');
    expect(text).toContain('ROI');
    // Grade thresholds sit in the ROI panel, below every revenue bar.
    const { panelTop, barBottom } = await chart.evaluate((svg) => ({
      panelTop: Number(svg.querySelector('.roi-panel .panel')!.getAttribute('y')),
      barBottom: Math.max(
        ...[...svg.querySelectorAll('rect.revenue, rect.marketing')].map((r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height'))),
      ),
    }));
    expect(panelTop).toBeGreaterThan(barBottom);
    for (const y of await chart.locator('.threshold line').evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('y1')))))
      expect(y).toBeGreaterThanOrEqual(panelTop);
    // The plan's interactive charts are not repeated on paper (the 执行跟踪 section may draw its own).
    await expect(page.locator('[data-plan-charts], canvas[data-chart="monthly"]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the print view', () => {
  it('has 打印, a way back and no link addresses on paper', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/plans/home-2014/print/`, { waitUntil: 'load' });
    await expect(page.getByRole('button', { name: '打印' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: /返回计划页/ }).getAttribute('href')).resolves.toBe('/plans/home-2014/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-toolbar').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('prints a role page without the paths of its internal links', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/departments/customer-service/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const after = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((a) => getComputedStyle(a, '::after').content));
    expect(after.length).toBeGreaterThan(0);
    for (const content of after) expect(content).not.toContain('/');
    await page.close();
  });
});

describe('the 待确认事项 box on the plan page', () => {
  it("lists the checker's warning near the top, linked to its row, and says so when there is none", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'load' });
    const box = page.locator('#open-items');
    await expect(box.textContent()).resolves.toContain('巩固期预算明细 16.25万元，各月合计 18.75万元，相差 2.5万元');
    const href = await box.locator('a').first().getAttribute('href');
    expect(href).toBe('#stage-consolidate-budget');
    await expect(page.locator(href!).count()).resolves.toBe(1);
    // It stands before the months and the stages.
    const order = await page.evaluate(() => ['open-items', 'months', 'stages'].map((id) => document.getElementById(id)!.getBoundingClientRect().top));
    expect(order[0]).toBeLessThan(order[1]!);
    await page.goto(`${site.server.url}/plans/launch-2017/`, { waitUntil: 'load' });
    await expect(page.locator('#open-items').textContent()).resolves.toContain('没有待确认事项');
    await page.close();
  });
});

describe('plan pages are accessible', () => {
  it.each(['light', 'dark'] as const)('has no serious axe violation in the %s scheme', async (colorScheme) => {
    const page = await site.browser.newPage({ colorScheme });
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'load' });
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
      await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
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
    await page.goto(`${aovServer.url}/plans/home-2014/`, { waitUntil: 'load' });
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
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['/plans/home-2014/', '/plans/launch-2017/', '/roles/cs-lead/'])(
    '%s at 360 px breaks no short cell across lines and keeps the first column in view',
    async (route) => {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
      // Every cell whose text is one word — a month, an amount with its unit (15万元), a ROI — sits on one line.
      // (Chinese prose may break between any two characters; that is not a word broken.)
      const broken = await page.locator('main table').evaluateAll((tables) =>
        tables.flatMap((table) =>
          [...table.querySelectorAll('th, td')].flatMap((cell) => {
            const text = (cell.textContent ?? '').trim();
            if (!/^[^\s\u3000-\u9fff\uff00-\uffef]+[\u4e00-\u9fff]{0,2}$/.test(text)) return [];
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            return tops.size > 1 ? [text] : [];
          }),
        ),
      );
      expect(broken).toEqual([]);
      if (route.startsWith('/plans/')) {
        const month = page.locator('#months tbody tr td').first();
        const box = await month.boundingBox();
        expect(await month.textContent()).toMatch(/^\d{4}-\d{2}$/);
        await page.locator('#months .table-scroll').evaluate((region) => (region.scrollLeft = 200));
        const after = await month.boundingBox();
        expect(Math.abs(after!.x - box!.x)).toBeLessThanOrEqual(1.5);
      }
      await page.close();
    },
  );
});

/** 执行跟踪 in real Chromium: the chart draws, plots exactly the month table, logs no error; a 月报 loads no script. */
import { describe, expect, it } from 'vitest';
import { collectErrors, scriptRequests, seriousViolations, useSampleSite } from './browser.ts';

const site = useSampleSite();
const num = (value: string | null) => (value === null || value === '' ? null : Number(value));

describe('the 执行跟踪 chart', () => {
  it.each(['/plans/home-2014/', '/plans/home-2014/print/'])('%s: every mark of the chart keys is drawn, print layout included', async (route) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    const marks = await page.locator('[data-chart-legend] .swatch').evaluateAll((nodes) =>
      nodes.map((node) => {
        const style = getComputedStyle(node);
        const seen = (colour: string) => colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent';
        return seen(style.backgroundColor) || (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none' && seen(style.borderTopColor));
      }),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every(Boolean), JSON.stringify(marks)).toBe(true);
    await page.close();
  });

  it.each(['/plans/home-2014/', '/plans/home-2014/print/'])('%s: draws, and its series equal #actuals-months, with gaps for 未到', async (route) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
    const canvas = page.locator('canvas[data-chart="actuals"]');
    await expect.poll(() => canvas.getAttribute('data-series')).not.toBeNull();
    const painted = await canvas.evaluate((node) => {
      const c = node as HTMLCanvasElement;
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n / (c.width * c.height);
    });
    expect(painted).toBeGreaterThan(0.01);
    const series = JSON.parse((await canvas.getAttribute('data-series'))!) as (number | null)[][];
    const rows = await page.locator('#actuals-months tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        month: tr.getAttribute('data-month'),
        status: tr.getAttribute('data-status'),
        target: tr.querySelectorAll('td')[0]!.getAttribute('data-value'),
        actual: tr.querySelectorAll('td')[1]!.getAttribute('data-value'),
        runningTarget: tr.getAttribute('data-running-target'),
        runningActual: tr.getAttribute('data-running-actual'),
      })),
    );
    expect(series).toHaveLength(4);
    expect(series[0]).toEqual(rows.map((r) => num(r.target)));
    expect(series[1]).toEqual(rows.map((r) => num(r.actual)));
    expect(series[2]).toEqual(rows.map((r) => num(r.runningTarget)));
    expect(series[3]).toEqual(rows.map((r) => num(r.runningActual)));
    // 未到: a gap in both the bars and the running line, never 0.
    rows.forEach((row, i) => {
      if (row.status === 'notYet') {
        expect(series[1]![i], row.month!).toBeNull();
        expect(series[3]![i], row.month!).toBeNull();
      } else expect(series[1]![i], row.month!).toBeGreaterThan(0);
    });
    expect(rows.filter((r) => r.status === 'notYet').map((r) => r.month)).toEqual(['2014-12']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the plan page without a serious accessibility problem', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/plans/home-2014/`, { waitUntil: 'load' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a monthly review (月报)', () => {
  it.each(['/plans/home-2014/review/2014-08/', '/plans/home-2014/review/2014-11/'])(
    '%s loads no script at all, so no chart code, and logs no error',
    async (route) => {
      const page = await site.browser.newPage();
      const errors = collectErrors(page);
      const scripts = scriptRequests(page);
      await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
      expect(scripts).toEqual([]);
      expect(await page.locator('script:not([type="application/json"]):not([type="application/ld+json"])').count()).toBe(0);
      expect(await page.locator('canvas').count()).toBe(0);
      expect(await page.locator('h1').textContent()).toMatch(/^推动力家居生活馆 2014-\d\d 月报$/);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

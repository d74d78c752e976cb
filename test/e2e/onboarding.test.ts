/**
 * The org chart and the onboarding checklist in real Chromium: ticks survive a
 * reload, the chart passes axe in both colour schemes, the page never scrolls
 * sideways at 360 px, and a 40-role chart prints on one A4 landscape page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectErrors, serveDir, seriousViolations, type StaticServer, useSampleSite } from './browser.ts';
import { buildSite } from '../build/helpers.ts';

const site = useSampleSite();

const ROLE = '/roles/presales-cs/';
const STORAGE = 'opsbook:onboarding:presales-cs';

describe('the onboarding checklist', () => {
  it('keeps ticks across a reload, counts them, and logs no error', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.server.url}${ROLE}`, { waitUntil: 'load' });
    const progress = page.locator('#onboarding [data-done]');
    await expect.poll(() => page.locator('#onboarding .onboarding-bar').isVisible()).toBe(true);
    expect(await progress.textContent()).toBe('0');

    await page.locator('input[data-key="sop:first-reply-20s"]').check();
    await page.locator('input[data-key="term:旺旺"]').check();
    expect(await progress.textContent()).toBe('2');
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE))!)).toEqual({ 'sop:first-reply-20s': true, 'term:旺旺': true });

    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('input[data-key="sop:first-reply-20s"]').isChecked()).toBe(true);
    expect(await page.locator('input[data-key="term:旺旺"]').isChecked()).toBe(true);
    expect(await page.locator('#onboarding input:checked').count()).toBe(2);
    expect(await progress.textContent()).toBe('2');

    // Unticking is saved too; a fresh tab (no form restore) reads the same state.
    await page.locator('input[data-key="term:旺旺"]').uncheck();
    const fresh = await context.newPage();
    await fresh.goto(`${site.server.url}${ROLE}`, { waitUntil: 'load' });
    expect(await fresh.locator('#onboarding input:checked').count()).toBe(1);
    expect(await fresh.locator('input[data-key="sop:first-reply-20s"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps saved ticks when a rebuild adds or removes items', async () => {
    const context = await site.browser.newContext();
    // Saved by an older build: one item that still exists, one that is gone.
    await context.addInitScript((key) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ 'cadence:截单前催付': true, 'sop:removed-since': true }));
    }, STORAGE);
    const page = await context.newPage();
    await page.goto(`${site.server.url}${ROLE}`, { waitUntil: 'load' });
    expect(await page.locator('input[data-key="cadence:截单前催付"]').isChecked()).toBe(true);
    expect(await page.locator('#onboarding input:checked').count()).toBe(1);
    expect(await page.locator('#onboarding [data-done]').textContent()).toBe('1');
    await context.close();
  });

  it('shows real checkboxes without JavaScript, and no progress that could not update', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${ROLE}`);
    expect(await page.locator('#onboarding input[type="checkbox"]').count()).toBeGreaterThan(10);
    expect(await page.locator('#onboarding .onboarding-bar').isVisible()).toBe(false);
    await context.close();
  });

  it('prints the checklist alone from its print button', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${ROLE}`, { waitUntil: 'load' });
    await page.locator('input[data-key="sop:first-reply-20s"]').check();
    await page.evaluate(() => {
      document.documentElement.dataset.print = 'onboarding';
    });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('#onboarding').isVisible()).toBe(true);
    expect(await page.locator('#onboarding input[data-key="sop:first-reply-20s"]').isVisible()).toBe(true);
    expect(await page.locator('main h2', { hasText: '岗位职责' }).isVisible()).toBe(false);
    await page.close();
  });
});

describe('the start page', () => {
  it('takes a newcomer to a role’s onboarding path', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.server.url}/start/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('a[href="/roles/presales-cs/#onboarding"]').click();
    await page.waitForURL(/#onboarding$/);
    expect(await page.locator('#onboarding').isVisible()).toBe(true);
    await page.close();
  });
});

describe('the org chart page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      it(`has no serious axe violation in ${colorScheme} at ${width} px`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        const errors = collectErrors(page);
        await page.goto(`${site.server.url}/org/`, { waitUntil: 'load' });
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  for (const route of ['/org/', ROLE]) {
    for (const width of [360, 800]) {
      it(`does not scroll ${route} sideways at ${width} px`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${site.server.url}${route}`, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.close();
      });
    }
  }
});

/** The sample plus 29 roles under new department heads: 40 roles, up to four levels, some with several holders. */
function fortyRoles(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'opsbook-org40-'));
  cpSync('content', folder, { recursive: true });
  const names = ['小王', '小李', '小赵', '小陈', '小刘', '小周', '小吴', '小郑', '小孙', '小马'];
  let k = 0;
  const add = (id: string, title: string, department: string, reportsTo: string, current = 1, planned = 1) => {
    const holders = Array.from({ length: current }, () => names[k++ % names.length]);
    const text = `---\ntitle: ${title}\ndepartment: ${department}\nreportsTo: ${reportsTo}\nheadcount: { current: ${current}, planned: ${planned} }\nholders: [${holders.join(', ')}]\nresponsibilities:\n  - 完成${title}的日常工作\n---\n`;
    writeFileSync(path.join(folder, 'roles', `${id}.md`), text);
  };
  const move = (id: string, to: string) => {
    const file = path.join(folder, 'roles', `${id}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^reportsTo: .*$/m, `reportsTo: ${to}`));
  };
  const heads: [string, string, string, [string, string, number, number][], string?][] = [
    [
      'promo-lead',
      '推广主管',
      'promotion',
      [
        ['ztc', '直通车专员', 2, 2],
        ['zuanzhan', '钻展专员', 1, 1],
        ['taoke', '淘宝客专员', 0, 1],
        ['events', '活动策划', 1, 2],
        ['live-host', '主播', 1, 2],
      ],
      'promoter',
    ],
    [
      'visual-lead',
      '视觉主管',
      'visual',
      [
        ['photographer', '摄影师', 1, 1],
        ['retoucher', '修图师', 2, 2],
        ['page-designer', '详情页设计', 1, 2],
      ],
      'designer',
    ],
    [
      'warehouse-lead',
      '仓储主管',
      'warehouse',
      [
        ['packer', '打包员', 3, 4],
        ['qc', '质检员', 1, 1],
        ['returns', '退货处理员', 1, 1],
      ],
      'warehouse-keeper',
    ],
    [
      'finance-lead',
      '财务主管',
      'finance',
      [
        ['cashier', '出纳', 1, 1],
        ['accountant', '会计', 1, 1],
      ],
      'finance-clerk',
    ],
    [
      'product-lead',
      '产品主管',
      'product',
      [
        ['buyer', '采购', 1, 2],
        ['merchandiser', '商品专员', 1, 1],
      ],
      'product-developer',
    ],
    ['copy-lead', '文案主管', 'copywriting', [['content-editor', '内容运营', 1, 1]], 'copywriter'],
  ];
  for (const [id, title, department, reports, existing] of heads) {
    add(id, title, department, 'ops-director');
    if (existing) move(existing, id);
    for (const [rid, rtitle, current, planned] of reports) add(rid, rtitle, department, id, current, planned);
  }
  add('cs-night', '夜班客服', 'customer-service', 'cs-lead', 2, 3);
  add('cs-trainer', '客服培训师', 'customer-service', 'cs-lead', 0, 1);
  add('cs-qa', '客服质检', 'customer-service', 'cs-lead');
  add('dispute-cs', '纠纷专员', 'customer-service', 'aftersales-cs');
  add('review-cs', '评价专员', 'customer-service', 'aftersales-cs');
  add('bi-analyst', '商业智能分析师', 'operations', 'data-analyst');
  add('ops-assistant', '运营助理', 'operations', 'ops-director');
  return folder;
}

describe('an org chart of 40 roles', () => {
  let big: StaticServer;
  let dist: string;
  beforeAll(async () => {
    const build = buildSite(fortyRoles());
    expect(build.code, build.output).toBe(0);
    dist = build.outDir;
    big = await serveDir(dist);
  }, 300_000);
  afterAll(async () => {
    await big?.close();
  });

  it('shows all 40 roles, without sideways page scroll at 360 px, and passes axe', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    await page.goto(`${big.url}/org/`, { waitUntil: 'load' });
    expect(await page.locator('[data-role]').count()).toBe(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits the page at 1280 px without scrolling the chart', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${big.url}/org/`, { waitUntil: 'load' });
    const overflow = await page.locator('.org-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('prints on one A4 landscape page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${big.url}/org/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const file = path.join(dist, 'org.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(1);
    const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
    expect(w).toBeGreaterThan(h!); // landscape
    expect(Math.round(w!)).toBe(842);
  });
});

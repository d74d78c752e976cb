/**
 * Search in real Chromium against the built sample: a table of queries with
 * their expected first result (or a page expected in the top 3), in either
 * script, by alias, in English, for a word only inside a step, with filters;
 * the dialog by keyboard alone; the search page; lazy loading; axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, testBrowser, serveDir, seriousViolations, type StaticServer } from './browser.ts';
import type { Filters } from '../../src/search/client/engine.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadContent } from '../../src/check/load.ts';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { FACETS, sopFacets } from '../../src/domain/sops/facets.ts';

/**
 * The sample's records, counted from the content: an entity page each (SOP, role, department, plan, term),
 * the seven overview pages (新人入职, 工作节奏, 组织架构, and the lists of roles, departments, SOPs and plans),
 * one SOP list per department, owner and frequency, and a 月报 per month built.
 */
async function recordCount(): Promise<number> {
  const { handbook } = await loadContent(path.resolve('content'));
  const { sops, roles, departments, plans, glossary } = handbook;
  const facets = sopFacets(handbook);
  const lists = FACETS.reduce((n, f) => n + facets[f].length, 0);
  const reviews = plans.reduce((n, p) => {
    try {
      return n + readdirSync(path.join(inject('sampleDist'), 'plans', p.id, 'review')).length;
    } catch {
      return n;
    }
  }, 0);
  return sops.length + roles.length + departments.length + plans.length + glossary.length + 7 + lists + reviews;
}

let browser: Browser;
let server: StaticServer;
/** A page with the engine loaded (the search page loads it at once). */
let searchPage: Page;

beforeAll(async () => {
  server = await serveDir(inject('sampleDist'));
  browser = await testBrowser();
  searchPage = await browser.newPage();
  await searchPage.goto(`${server.url}/search/`);
  await searchPage.waitForFunction(() => Boolean(window.opsbookSearch), undefined, { timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const urls = (query: string, filters: Filters = {}) => searchPage.evaluate(([q, f]) => window.opsbookSearch!.urls(q, f), [query, filters] as const);

interface Row {
  readonly query: string;
  readonly why: string;
  readonly filters?: Filters;
  /** The expected first result. */
  readonly first?: string;
  /** Pages expected within the first three results. */
  readonly top3?: readonly string[];
  /** Every result must satisfy this (filters). */
  readonly all?: RegExp;
}

const TABLE: readonly Row[] = [
  // Exact SOP titles come first, however written.
  { query: '直通车日常优化', why: 'exact SOP title', first: '/sops/ztc-daily/' },
  { query: '每日 17:30 复盘会', why: 'exact SOP title with digits', first: '/sops/daily-review-1730/' },
  { query: '每日17:30复盘会', why: 'exact SOP title, spaces left out', first: '/sops/daily-review-1730/' },
  { query: '運營數據週報', why: 'exact SOP title in Traditional', first: '/sops/weekly-data-report/' },
  { query: '库存预警', why: 'SOP title that is also a term: SOP first, entry next', first: '/sops/stock-alerts/', top3: ['/glossary/#库存预警'] },
  { query: '问题订单', why: 'part of an SOP title', first: '/sops/problem-orders-24h/' },
  // Roles and departments by name.
  { query: '售前客服', why: 'exact role title', first: '/roles/presales-cs/' },
  { query: '運營總監', why: 'role title in Traditional', first: '/roles/ops-director/' },
  { query: '仓储', why: 'department name', first: '/departments/warehouse/' },
  // Simplified ⇄ Traditional.
  { query: '運營', why: 'Traditional query, Simplified text', top3: ['/departments/operations/', '/roles/ops-director/'] },
  { query: '發貨通知', why: 'Traditional query inside an SOP title', first: '/sops/ship-notice-and-payment-reminder/' },
  { query: '免运费', why: 'Simplified query, text only in Traditional (免運費)', first: '/glossary/#包邮' },
  { query: '中评', why: 'Simplified query, alias only in Traditional (中評)', first: '/glossary/#中差评' },
  // Glossary aliases: the entry first, then the pages using the term.
  { query: '直通車', why: 'Traditional alias', first: '/glossary/#直通车', top3: ['/sops/ztc-daily/'] },
  { query: 'PPC', why: 'word of an English alias', first: '/glossary/#直通车', top3: ['/sops/ztc-daily/'] },
  { query: 'Taobao ads', why: 'English alias, partly', first: '/glossary/#直通车', top3: ['/sops/ztc-daily/'] },
  { query: '淘寶直通車', why: 'Traditional alias', first: '/glossary/#直通车' },
  { query: '钻石展位', why: 'Simplified alias', first: '/glossary/#钻展' },
  { query: 'COD', why: 'English abbreviation alias', first: '/glossary/#货到付款', top3: ['/sops/cod-confirmation/'] },
  // English.
  { query: 'conversion rate', why: 'English alias', first: '/glossary/#转化率' },
  { query: 'Double 11', why: 'English alias with a number', first: '/glossary/#双十一' },
  { query: 'SKU', why: 'Latin term', first: '/glossary/#SKU' },
  { query: 'roi', why: 'Latin term, lower case', first: '/glossary/#ROI', top3: ['/sops/ztc-daily/'] },
  // Words only inside steps, and steps/titles over body text.
  { query: '偏远地区', why: 'a term only inside a step', first: '/sops/courier-choice/' },
  { query: '纪要', why: 'a word only inside a step', first: '/sops/daily-review-1730/' },
  { query: '配送', why: 'step text outranks body text', first: '/sops/courier-choice/' },
  { query: '抽查', why: 'title outranks body text', first: '/sops/cs-chat-qa/' },
  // Pinyin, initials and ids (the tokens come from pinyin-pro at build time).
  { query: 'tuikuan', why: 'full pinyin of a word inside an SOP title', first: '/sops/refund-and-invoice/' },
  { query: 'tui kuan', why: 'full pinyin, syllables spaced', first: '/sops/refund-and-invoice/' },
  { query: 'tk', why: 'initials of a word inside an SOP title', top3: ['/sops/refund-and-invoice/'] },
  { query: 'ztc', why: 'initials of a term: its entry, then the SOP', first: '/glossary/#直通车', top3: ['/sops/ztc-daily/'] },
  { query: 'kucunyujing', why: 'full pinyin of an SOP title that is also a term', first: '/sops/stock-alerts/', top3: ['/glossary/#库存预警'] },
  { query: 'ztc-daily', why: 'an SOP id as typed', first: '/sops/ztc-daily/' },
  { query: 'cs-lead', why: 'a role id as typed', first: '/roles/cs-lead/' },
  { query: 'home-2014', why: 'a plan id as typed', first: '/plans/home-2014/' },
  // Questions: filler words left out, the words in any order, most of them.
  { query: '怎么退款', why: 'a question: 怎么 is filler', first: '/sops/refund-and-invoice/' },
  { query: '售后退款', why: 'two words, no space', top3: ['/sops/refund-and-invoice/'] },
  { query: '退款流程', why: '流程 is filler: every SOP is one', first: '/sops/refund-and-invoice/' },
  // Filters.
  { query: '退款', why: 'filter by type', filters: { type: ['SOP'] }, first: '/sops/refund-and-invoice/', all: /^\/sops\// },
  { query: '直通车', why: 'filter by type: the glossary entry goes', filters: { type: ['SOP'] }, first: '/sops/ztc-daily/', all: /^\/sops\// },
  {
    query: '客服',
    why: 'filter by department',
    filters: { department: ['客服'], type: ['岗位'] },
    top3: ['/roles/presales-cs/'],
    all: /^\/roles\/(presales-cs|aftersales-cs|cs-lead)\/$/,
  },
  { query: '周报', why: 'filter by owner role', filters: { owner: ['数据分析员'] }, first: '/sops/weekly-data-report/', all: /^\/(sops|roles)\// },
  { query: '', why: 'filters alone: browse every weekly SOP', filters: { frequency: ['每周'] }, all: /^\/sops\// },
];

describe('the query table', () => {
  it('has at least 25 queries', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(TABLE)('$query ($why)', async (row) => {
    const found = await urls(row.query, row.filters);
    const shown = found.slice(0, 6).join(' ');
    expect(found.length, `no result for ${row.query}`).toBeGreaterThan(0);
    if (row.first) expect(found[0], shown).toBe(row.first);
    for (const url of row.top3 ?? []) expect(found.slice(0, 3), shown).toContain(url);
    if (row.all) for (const url of found) expect(url).toMatch(row.all);
  });

  it('gives the same first results without the result cards (the first query, before they are in)', async () => {
    const page = await browser.newPage();
    await page.route('**/opsbook-cards.*.json', (route) => route.abort());
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => Boolean(window.opsbookSearch), undefined, { timeout: 20_000 });
    for (const row of TABLE.filter((r) => r.first)) {
      const found = await page.evaluate(([q, f]) => window.opsbookSearch!.urls(q, f), [row.query, row.filters ?? {}] as const);
      expect(found[0], `${row.query}: ${found.slice(0, 6).join(' ')}`).toBe(row.first);
    }
    expect(await page.evaluate(() => window.opsbookSearch!.cards())).toBeUndefined();
    await page.close();
  });

  it('finds every weekly SOP, and only those, with the frequency filter alone', async () => {
    const weekly = await urls('', { frequency: ['每周'] });
    const data = await searchPage.evaluate(async () => {
      const { hits } = await window.opsbookSearch!.search('', { frequency: ['每周'] });
      return Promise.all(hits.map(async (h) => (await h.data()).frequency));
    });
    expect(weekly.length).toBeGreaterThanOrEqual(4);
    expect(new Set(data)).toEqual(new Set(['每周']));
  });
});

describe('the index', () => {
  it('holds content only: no navigation, footer or sidebar text', async () => {
    const texts = await searchPage.evaluate(async () => (await window.opsbookSearch!.everything()).map((d) => `${d.title}\n${d.text}`));
    expect(texts.length).toBe(await recordCount());
    const t = useTranslations('zh-CN');
    const chrome = (['footer.built', 'page.edit', 'page.updated', 'nav.skip', 'nav.prev', 'nav.next', 'nav.toc'] as const).map((k) => t(k));
    for (const text of texts) for (const word of chrome) expect(text).not.toContain(word);
  });

  it('carries type, department, owner role and frequency as metadata and filters', async () => {
    const data = await searchPage.evaluate(async () => {
      const { hits } = await window.opsbookSearch!.search('直通车日常优化');
      return hits[0]!.data();
    });
    expect(data).toMatchObject({ kind: 'sop', title: '直通车日常优化', department: '推广', owner: '推广专员', frequency: '每日' });
    expect(data.filters).toMatchObject({ type: ['SOP'], department: ['推广'], owner: ['推广专员'], frequency: ['每日'] });
  });

  it('has a result card for every record, showing what its fragment shows', async () => {
    const compared = await searchPage.evaluate(
      async (types) => {
        const engine = window.opsbookSearch!;
        const cards = await engine.cards();
        if (!cards) return { cards: 0, records: 0, differ: ['no cards'] };
        const { hits } = await engine.search('', { type: types });
        const differ: string[] = [];
        for (const hit of hits) {
          const [summary, { text, ...data }] = await Promise.all([hit.summary(), hit.data()]);
          if (!text || JSON.stringify(summary) !== JSON.stringify(data)) differ.push(`${JSON.stringify(summary)} ≠ ${JSON.stringify(data)}`);
        }
        return { cards: cards.size, records: hits.length, differ };
      },
      ['岗位', 'SOP', '计划', '术语', '部门', '月报', '概览'],
    );
    expect(compared.records).toBe(await recordCount());
    expect(compared.cards).toBe(compared.records);
    expect(compared.differ).toEqual([]);
  });
});

/** Opens a reading page; counts requests for the index and the search UI. */
async function openPage(route: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const errors = collectErrors(page);
  await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
  return { page, requests, errors };
}

const searchRequests = (requests: string[]) => requests.filter((p) => p.startsWith('/pagefind/') || /\/_astro\/(ui|search)\./.test(p));

describe('the search dialog', () => {
  it('loads nothing of search until opened', async () => {
    const { page, requests } = await openPage('/sops/address-check/');
    expect(searchRequests(requests)).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog[open]').waitFor();
    await expect.poll(() => searchRequests(requests).some((p) => p.endsWith('/pagefind.js'))).toBe(true);
    await page.close();
  });

  it('loads a search bundle of at most 60 KB gzip, without the handbook model or its schemas', async () => {
    const { page, requests } = await openPage('/sops/address-check/');
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog[open]').waitFor();
    await expect.poll(() => requests.some((p) => /\/_astro\/ui\.[\w-]+\.js$/.test(p))).toBe(true);
    const ui = requests.find((p) => /\/_astro\/ui\.[\w-]+\.js$/.test(p))!;
    const body = readFileSync(path.join(inject('sampleDist'), ui));
    // The first query's budget (300 KB at 5,000 SOPs) holds this bundle; zod came in once through records.ts.
    expect(gzipSync(body).length).toBeLessThanOrEqual(60_000);
    expect(body.toString('utf8')).not.toMatch(/\bzod\b/);
    await page.close();
  });

  it('works by keyboard alone: / opens, arrows choose, Enter goes, Esc closes and focus returns', async () => {
    const { page, errors } = await openPage('/roles/presales-cs/');
    // Focus something on the page first: it gets focus back when the dialog closes.
    const brand = page.locator('.site-name');
    await brand.focus();
    await page.keyboard.press('/');
    const input = page.locator('.search-dialog[open] input[role="combobox"]');
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('直通车');
    await page.locator('.search-dialog [role="option"]').nth(1).waitFor();
    // The first result is active; ↓ moves to the second.
    await page.keyboard.press('ArrowDown');
    const second = page.locator('.search-dialog [role="option"]').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    const target = new URL((await second.getAttribute('href'))!, server.url).pathname;
    await Promise.all([page.waitForURL((url) => decodeURIComponent(url.pathname) === decodeURIComponent(target)), page.keyboard.press('Enter')]);

    // Esc closes and gives focus back.
    await brand.waitFor();
    await page.locator('.site-name').focus();
    await page.keyboard.press('/');
    await input.waitFor();
    await page.keyboard.type('运营');
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    // Tab stays inside the dialog.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.search-dialog')))).toBe(true);
    }
    await input.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('site-name'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the header link, badges results by type with their department, marks the matched words as written, offers the closest titles when nothing matches', async () => {
    const { page, errors } = await openPage('/glossary/');
    await page.locator('a[data-search-trigger]').click();
    await page.locator('.search-dialog[open] input').fill('免运费');
    const hit = page.locator('.search-dialog [role="option"]').first();
    await hit.waitFor();
    expect(await hit.locator('.search-type').textContent()).toBe('术语');
    await expect.poll(() => hit.locator('mark').allTextContents()).toContain('免運費');
    await page.locator('.search-dialog[open] input').fill('配送');
    await expect.poll(() => page.locator('.search-dialog [role="option"] .search-hit-context').first().textContent()).toContain('仓储');
    // Nothing found: the closest titles (shared characters), as links to their pages; none when nothing is close.
    await page.locator('.search-dialog[open] input').fill('火箭发射');
    await expect.poll(() => page.locator('.search-dialog .search-empty a.search-chip').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-dialog .search-empty a.search-chip').first().textContent()).toContain('发');
    await page.locator('.search-dialog[open] input').fill('qqqzzz');
    await expect.poll(() => page.locator('.search-dialog .search-status').textContent()).toContain('qqqzzz');
    await page.waitForTimeout(300);
    expect(await page.locator('.search-dialog .search-empty').evaluate((e) => e.childElementCount)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious axe violation when open (%s)', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme });
    await page.goto(`${server.url}/sops/ztc-daily/`, { waitUntil: 'load' });
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open] input').fill('直通車');
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('waits for an input method to finish: no search for the pinyin being composed, the chosen words at once', async () => {
    const { page, errors } = await openPage('/sops/address-check/');
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open] input').waitFor();
    await page.waitForFunction(() => Boolean(window.opsbookSearch));
    const status = page.locator('.search-dialog .search-status');
    const cdp = await page.context().newCDPSession(page);
    // Typing 直通车 with a pinyin input method: the box holds the pinyin until a candidate is chosen.
    for (const pinyin of ['z', 'zh', 'zhi', 'zhit', 'zhito', 'zhitong', 'zhitongche']) {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    await page.waitForTimeout(400); // far past the dialog's pause for typing
    expect(await status.textContent()).toBe('');
    expect(await page.locator('.search-dialog [role="option"]').count()).toBe(0);
    await cdp.send('Input.insertText', { text: '直通车' });
    await expect.poll(() => status.textContent()).toContain('直通车');
    expect(await page.locator('.search-dialog [role="option"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after the first query, lists results from the cards at once and fills in the excerpts as their texts arrive', async () => {
    const { page, requests, errors } = await openPage('/sops/address-check/');
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open] input').fill('直通车');
    await page.locator('.search-dialog [role="option"]').first().waitFor();
    await expect.poll(() => requests.some((p) => /^\/pagefind\/opsbook-cards\.[0-9a-f]+\.json$/.test(p))).toBe(true);
    await page.waitForLoadState('load');
    // Hold every fragment back: the list must not wait for them.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.pf_fragment', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('.search-dialog[open] input').fill('配送');
    const first = page.locator('.search-dialog [role="option"]').first();
    await expect.poll(() => first.locator('.search-hit-title').textContent()).toBe('快递选择');
    expect(await first.locator('.search-hit-context').textContent()).toContain('仓储');
    expect(await first.locator('.search-hit-excerpt[data-pending]').count()).toBe(1);
    release();
    await expect.poll(() => first.locator('.search-hit-excerpt mark').allTextContents()).toContain('配送');
    // Every excerpt fills in once released; the others' fragments may still be on their way when the first is in.
    await expect.poll(() => page.locator('.search-dialog .search-hit-excerpt[data-pending]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the search page', () => {
  it('takes the query and filters from the address, shows facets with counts, and writes changes back', async () => {
    const { page, errors } = await openPage(`/search/?q=${encodeURIComponent('客服')}`);
    await page.locator('.search-results .search-hit').first().waitFor();
    expect(await page.inputValue('#search-q')).toBe('客服');
    const typeFacet = page.locator('.search-facet').first();
    expect(await typeFacet.locator('legend').textContent()).toBe('类型');
    const sopCount = Number(await typeFacet.locator('label', { hasText: 'SOP' }).locator('.search-facet-count').textContent());
    expect(sopCount).toBeGreaterThan(0);
    await typeFacet.locator('label', { hasText: 'SOP' }).locator('input').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual(['SOP']);
    await expect.poll(() => page.locator('.search-results .search-hit').count()).toBe(Math.min(sopCount, 20));
    for (const badge of await page.locator('.search-results .search-type').allTextContents()) expect(badge).toBe('SOP');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to drop the filters and the closest titles when nothing is found', async () => {
    const { page } = await openPage(`/search/?q=${encodeURIComponent('直通车')}&type=${encodeURIComponent('部门')}&department=${encodeURIComponent('客服')}`);
    const drop = page.locator('.search-drop');
    await drop.waitFor();
    expect(await drop.textContent()).toMatch(/去掉筛选条件（\d+ 条结果）/);
    expect(await page.locator('.search-empty .search-chip').count()).toBeGreaterThan(0);
    await drop.click();
    await page.locator('.search-results .search-hit').first().waitFor();
    expect(new URL(page.url()).searchParams.get('type')).toBeNull();
    await page.close();
  });

  it('on a 360 px phone: the first results on the first screen, filters folded behind a button with the active count, targets ≥ 24 × 24 px', async () => {
    const phone = { width: 360, height: 740 };
    const { page, errors } = await openPage(`/search/?q=${encodeURIComponent('退款怎么处理')}`, phone);
    const first = page.locator('.search-results .search-hit').first();
    await first.waitFor();
    const box = (await first.locator('.search-hit-title').boundingBox())!;
    expect(box.y + box.height).toBeLessThan(phone.height);
    const toggle = page.locator('[data-search-filters-toggle]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('.search-facets').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.search-facet').first().waitFor();
    // Every control of the page is a target of at least 24 × 24 px.
    const small = await page.locator('.search-page').evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('a[href], button, input, summary')]
        .filter((e) => e.getClientRects().length > 0 && !e.closest('.search-vh'))
        .map((e) => ({ e: e.outerHTML.slice(0, 80), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ e, r }) => `${e} ${r.width}×${r.height}`),
    );
    expect(small).toEqual([]);
    await page.locator('.search-facet').first().locator('input').first().check();
    await expect.poll(() => toggle.textContent()).toMatch(/1/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says plainly that nothing matched, with the closest titles and no empty heading', async () => {
    const { page } = await openPage(`/search/?q=${encodeURIComponent('火箭发射')}`);
    await page.locator('.search-empty a.search-chip').first().waitFor();
    expect(await page.locator('.search-status').textContent()).toContain('没有找到');
    expect(await page.locator('.search-facets h2').count()).toBe(0);
    await page.goto(`${server.url}/search/?q=qqqzzz`);
    await expect.poll(() => page.locator('.search-status').textContent()).toContain('没有找到');
    await page.locator('[data-search-page][data-shown="qqqzzz"]').waitFor();
    expect(await page.locator('.search-empty').evaluate((e) => e.childElementCount)).toBe(0);
    expect(await page.locator('.search-facets').evaluate((e) => e.childElementCount)).toBe(0);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious axe violation (%s)', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('直通车')}`, { waitUntil: 'load' });
    await page.locator('.search-results .search-hit').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

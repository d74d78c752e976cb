/**
 * Chinese recall, measured in real Chromium on the built sample: every
 * distinct 2- to 4-character Chinese word of the indexed text (Intl.Segmenter,
 * plus the glossary's terms) is queried, and the pages returned are compared
 * with the pages whose indexed text holds the word — for Opsbook's index and,
 * in the same run, for plain Pagefind (defaults: the extended build's
 * segmentation, Intl.Segmenter on the query) over the same pages' HTML.
 * Also shows which Pagefind build segments Chinese.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { useSampleSite } from './browser.ts';
import { expectedPages, measureWords, pageOf, scoreQuery, summarise, type MeasuredPage, type Summary } from '../../src/search/shared/measure.ts';
import { fold } from '../../src/search/shared/text.ts';
import { loadContent } from '../../src/check/load.ts';

const site = useSampleSite();
const dist = inject('sampleDist');
const temp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-recall-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Builds a Pagefind bundle of HTML pages into `folder`/pagefind with the Node API. */
async function pagefindBundle(folder: string, pages: { url: string; content: string }[], config: pagefind.PagefindServiceConfig = {}) {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index) throw new Error(errors.join('; '));
  for (const p of pages) {
    const added = await index.addHTMLFile(p);
    expect(added.errors).toEqual([]);
  }
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await pagefind.close();
}

/** A page of the served sample with an extra Pagefind bundle mounted at /__extra/ (same origin, so it can be imported). */
async function pageWithBundle(folder: string, route = '/glossary/'): Promise<Page> {
  // The measure loads a second (plain) index into the page: it bypasses the site's CSP, which the other tests keep.
  const page = await site.browser.newPage({ bypassCSP: true });
  await page.route('**/__extra/**', (r) => {
    const file = path.join(folder, decodeURIComponent(new URL(r.request().url()).pathname.replace(/^\/__extra\//, '')));
    if (!existsSync(file)) return r.fulfill({ status: 404 });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return r.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': type } });
  });
  await page.goto(`${site.server.url}${route}`);
  // A module script, so that vitest does not rewrite the import().
  await page.addScriptTag({
    type: 'module',
    content: `import * as pf from '/__extra/pagefind/pagefind.js'; await pf.options({ baseUrl: '/' }); await pf.init(); window.extraPagefind = pf;`,
  });
  await page.waitForFunction(() => Boolean((window as unknown as { extraPagefind?: unknown }).extraPagefind));
  return page;
}

/** Runs queries through the extra bundle: the result pages of each, and every page's stored text. */
async function searchExtra(page: Page, words: readonly string[]) {
  return page.evaluate(async (queries) => {
    type Data = { url: string; content: string };
    const pf = (window as unknown as { extraPagefind: { search(q: string | null): Promise<{ results: { data(): Promise<Data> }[] }> } }).extraPagefind;
    const urls = async (q: string | null) => Promise.all((await pf.search(q)).results.map(async (r) => await r.data()));
    const returned: Record<string, string[]> = {};
    for (const q of queries) returned[q] = (await urls(q)).map((d) => d.url);
    const all = (await urls(null)).map((d) => ({ url: d.url, content: d.content }));
    return { returned, all };
  }, words);
}

describe('which Pagefind build segments Chinese', () => {
  it('is pagefind_extended, which the npm package runs when present; a two-character word inside a long sentence is found', async () => {
    const require = createRequire(import.meta.url);
    const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
    const extended = require.resolve(`@pagefind/${platform}/bin/pagefind_extended${process.platform === 'win32' ? '.exe' : ''}`);
    // The Node API spawns pagefind_extended before pagefind (pagefind/lib/service.js: resolveBinaryPath(["pagefind_extended", "pagefind"])).
    const service = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'service.js');
    expect(readFileSync(service, 'utf8')).toMatch(/resolveBinaryPath\(\s*\[\s*["']pagefind_extended["']\s*,\s*["']pagefind["']\s*\]\s*\)/);
    const version = spawnSync(extended, ['--version'], { encoding: 'utf8' });
    console.log(`Pagefind binary: ${path.relative(process.cwd(), extended)} — ${version.stdout.trim()}`);
    expect(version.stdout).toMatch(/pagefind/i);

    // One page, one long sentence; 退款 stands in its middle.
    const sentence = '买家在签收以后七天之内如果对商品不满意可以在后台申请退款客服需要在当天核实订单情况并尽快给出处理意见';
    const html = `<html lang="zh-CN"><head><title>t</title></head><body><main><p>${sentence}</p></main></body></html>`;
    const segmented = path.join(temp, 'segmented');
    const unsegmented = path.join(temp, 'unsegmented');
    await pagefindBundle(segmented, [{ url: '/a/', content: html }]);
    await pagefindBundle(unsegmented, [{ url: '/a/', content: html }], { forceLanguage: 'en' });
    const found = async (folder: string) => {
      const page = await pageWithBundle(folder);
      const { returned } = await searchExtra(page, ['退款']);
      await page.close();
      return returned['退款']!;
    };
    // Segmented by the extended build (zh): found. The same text without segmentation (one long "word"): not found.
    expect(await found(segmented)).toEqual(['/a/']);
    expect(await found(unsegmented)).toEqual([]);

    // Opsbook's own index (bigrams): a two-character word inside a long sentence of the sample.
    // The measure loads a second (plain) index into the page: it bypasses the site's CSP, which the other tests keep.
    const page = await site.browser.newPage({ bypassCSP: true });
    await page.goto(`${site.server.url}/search/`);
    await page.waitForFunction(() => Boolean(window.opsbookSearch));
    const text = await page.evaluate(async () => (await window.opsbookSearch!.everything()).find((d) => d.url === '/sops/ztc-daily/')!.text);
    expect(text).toContain('每天不看就可能白白烧钱');
    expect(await page.evaluate(() => window.opsbookSearch!.urls('烧钱'))).toContain('/sops/ztc-daily/');
    await page.close();
  });
});

describe('recall and precision on every Chinese word of the sample', () => {
  let opsbook: Summary;
  let plain: Summary;
  let plainFolded: Summary;

  it('are measured for Opsbook and for plain Pagefind on the same pages', async () => {
    // Opsbook: its index's records (text as written), grouped by page.
    // The measure loads a second (plain) index into the page: it bypasses the site's CSP, which the other tests keep.
    const page = await site.browser.newPage({ bypassCSP: true });
    await page.goto(`${site.server.url}/search/`);
    await page.waitForFunction(() => Boolean(window.opsbookSearch));
    const records = await page.evaluate(async () => (await window.opsbookSearch!.everything()).map((d) => ({ url: d.url, text: `${d.title}\n${d.text}` })));
    const byPage = new Map<string, string[]>();
    for (const r of records) byPage.set(pageOf(r.url), [...(byPage.get(pageOf(r.url)) ?? []), r.text]);
    const opsbookPages: MeasuredPage[] = [...byPage].map(([p, texts]) => ({ page: p, text: texts.join('\n') }));

    const { handbook } = await loadContent(path.resolve('content'));
    const words = measureWords(
      records.map((r) => r.text),
      handbook.glossary.flatMap((t) => [t.term, ...t.aliases]),
    );
    expect(words.length).toBeGreaterThan(300);

    const opsbookReturned = await page.evaluate(async (queries) => {
      const out: Record<string, string[]> = {};
      for (const q of queries) out[q] = await window.opsbookSearch!.urls(q);
      return out;
    }, words);
    await page.close();

    // Plain Pagefind, default settings, over the same pages' built HTML.
    const plainFolder = path.join(temp, 'plain');
    await pagefindBundle(
      plainFolder,
      opsbookPages.map((p) => ({ url: p.page, content: readFileSync(path.join(dist, p.page, 'index.html'), 'utf8') })),
    );
    const plainPage = await pageWithBundle(plainFolder);
    const { returned: plainReturned, all } = await searchExtra(plainPage, words);
    await plainPage.close();
    // Pagefind stores Chinese text with its segments spaced apart: join them again to look for a word.
    const plainPages: MeasuredPage[] = all.map((d) => ({ page: pageOf(d.url), text: d.content.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '') }));

    const measure = (returned: Record<string, string[]>, pages: MeasuredPage[], normalise?: (s: string) => string) =>
      summarise(words.map((w) => scoreQuery(w, expectedPages(w, pages, normalise), new Set((returned[w] ?? []).map(pageOf)))));
    opsbook = measure(opsbookReturned, opsbookPages, fold);
    plain = measure(plainReturned, plainPages);
    plainFolded = measure(plainReturned, plainPages, fold);

    const line = (name: string, s: Summary) =>
      `${name.padEnd(34)} recall ${s.recall.toFixed(3)}  precision ${s.precision.toFixed(3)}  exact ${s.exact}/${s.queries}`;
    const worst = (s: Summary) =>
      s.worst
        .slice(0, 6)
        .map((q) => `${q.word} ${q.found}/${q.expected} (returned ${q.returned})`)
        .join(', ');
    console.log(
      [
        `Chinese recall on the sample: ${words.length} words (Intl.Segmenter 2–4 characters + glossary terms), ${opsbookPages.length} pages`,
        line('Opsbook (bigrams + folding)', opsbook),
        line('plain Pagefind defaults', plain),
        line('plain Pagefind, folded truth', plainFolded),
        `  Opsbook's worst: ${worst(opsbook)}`,
        `  plain's worst:   ${worst(plain)}`,
      ].join('\n'),
    );
  });

  it('Opsbook reaches recall ≥ 0.98 and precision ≥ 0.9', () => {
    expect(opsbook.recall).toBeGreaterThanOrEqual(0.98);
    expect(opsbook.precision).toBeGreaterThanOrEqual(0.9);
  });
});

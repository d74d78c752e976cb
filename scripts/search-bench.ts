/**
 * `node scripts/search-bench.ts [--sops 5000] [--keep]`: builds a synthetic
 * handbook (scripts/gen-handbook.ts) and measures search on it in real Chromium:
 * index size on disk, bytes fetched by the first query (opening the dialog on
 * an SOP page and typing, until its results and their excerpts are shown), the
 * result cards fetched in the background after it, and query time (median of
 * 20 queries after the first): to the result list (search plus the summaries
 * of the 8 results the dialog shows) and to their excerpts (their texts too).
 * Prints the figures and writes them as JSON to stdout's last line.
 *
 *   node scripts/search-bench.ts --dist dist --sops 27 --query 直通车   # an existing build (the sample)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateHandbook } from './gen-handbook.ts';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';

const { values } = parseArgs({
  options: {
    sops: { type: 'string', default: '5000' },
    keep: { type: 'boolean', default: false },
    /** Measure an existing build instead (e.g. dist/ of the sample). */
    dist: { type: 'string' },
    /** The first query, typed in the dialog. */
    query: { type: 'string', default: '直通车计划' },
  },
});
const sops = Number(values.sops);
const work = mkdtempSync(path.join(os.tmpdir(), 'opsbook-search-bench-'));
const content = path.join(work, 'content');
const dist = values.dist ? path.resolve(values.dist) : path.join(work, 'dist');

function dirBytes(dir: string, keep: (file: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(path.relative(dir, file))) {
      bytes += statSync(file).size;
      files++;
    }
  }
  return { bytes, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!values.dist || !existsSync(dist)) {
  generateHandbook(content, { sops, roles: 200, departments: 30, plans: 20, seed: 20261125 });
  process.stdout.write(`Generated ${sops} SOPs in ${content}; building…\n`);
  const started = Date.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, OPSBOOK_CONTENT: content, OPSBOOK_DIST: dist, OPSBOOK_BUILD_DATE: '2026-11-25', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
    process.exit(1);
  }
  const line = /Pagefind indexed .*/.exec(build.stdout)?.[0];
  process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s. ${line ?? ''}\n`);
}

// Pagefind also writes its own UI bundles (pagefind-ui.js, …), which Opsbook never loads.
const pagefindDir = path.join(dist, 'pagefind');
const ownUi = (f: string) => /^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f);
const index = dirBytes(pagefindDir, (f) => !ownUi(f));
const all = dirBytes(pagefindDir);

const server = await serveDir(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const sopDirs = readdirSync(path.join(dist, 'sops'), { withFileTypes: true }).filter((d) => d.isDirectory());
  const sopPage = `/sops/${(sopDirs.find((d) => d.name.startsWith('sop-')) ?? sopDirs[0])!.name}/`;
  await page.goto(`${server.url}${sopPage}`, { waitUntil: 'networkidle' });
  const fetched: Promise<{ url: string; bytes: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    fetched.push(
      response.body().then(
        (body) => {
          const url = new URL(response.url()).pathname;
          // What a static host sends: text compressed with gzip, Pagefind's .pf_ files already are.
          const gzip = /\.(js|css|json|pagefind)$/.test(url) ? gzipSync(body, { level: 6 }).length : body.length;
          return { url, bytes: body.length, gzip };
        },
        () => ({ url: response.url(), bytes: 0, gzip: 0 }),
      ),
    );
  });
  const first = values.query;
  const t0 = Date.now();
  await page.keyboard.press('/');
  await page.locator('.search-dialog[open] input').fill(first);
  await page.locator('.search-dialog [role="option"]').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const firstMs = Date.now() - t0;
  // The result cards are fetched once the first results are shown, for the queries after it: counted apart.
  const firstFetches = await Promise.all(fetched);
  const isCards = (r: { url: string }) => /\/opsbook-cards\.[^/]*\.json$/.test(r.url);
  const responses = firstFetches.filter((r) => !isCards(r));
  const cards = firstFetches.filter(isCards);
  const bytes = responses.reduce((n, r) => n + r.bytes, 0);
  const gzip = responses.reduce((n, r) => n + r.gzip, 0);

  const queries = ['订单', '退款处理', '直通车', '库存', '發貨', '评价回访', 'ROI', '每周', '客服话术', '供应商报价', '大促预案', '物流异常', '会员积分', '优惠券', '主图', '复盘', 'COD', '质检', '对账单', '赠品', '盘点'];
  const times = await page.evaluate(async (qs) => {
    const engine = window.opsbookSearch!;
    await engine.cards(); // in already (networkidle above), as they are seconds after a first query
    const out: { q: string; ms: number; excerptsMs: number; hits: number }[] = [];
    for (const q of qs) {
      const t = performance.now();
      const { hits } = await engine.search(q);
      const shown = hits.slice(0, 8);
      await Promise.all(shown.map((h) => h.summary()));
      const listed = performance.now();
      await Promise.all(shown.map((h) => h.data()));
      out.push({ q, ms: listed - t, excerptsMs: performance.now() - t, hits: hits.length });
    }
    return out;
  }, queries);
  const later = times.slice(1).slice(0, 20);
  const figures = {
    sops,
    indexBytes: index.bytes,
    indexFiles: index.files,
    pagefindFolderBytes: all.bytes,
    firstQuery: { query: first, requests: responses.length, bytes, gzipBytes: gzip, ms: firstMs },
    cards: { bytes: cards.reduce((n, r) => n + r.bytes, 0), gzipBytes: cards.reduce((n, r) => n + r.gzip, 0) },
    medianQueryMs: median(later.map((t) => t.ms)),
    medianExcerptsMs: median(later.map((t) => t.excerptsMs)),
    queries: times,
  };
  process.stdout.write(
    [
      `Search on ${sops} SOPs:`,
      `  index on disk: ${kb(index.bytes)} in ${index.files} files (pagefind/ with Pagefind's unused UI bundles: ${kb(all.bytes)})`,
      `  first query "${first}": ${responses.length} requests, ${kb(bytes)} fetched (${kb(gzip)} with gzip on text), ${firstMs} ms`,
      ...responses.sort((a, b) => b.bytes - a.bytes).slice(0, process.env.BENCH_ALL ? 999 : 12).map((r) => `    ${kb(r.bytes).padStart(10)} ${kb(r.gzip).padStart(10)}  ${r.url}`),
      `  then in the background, the result cards: ${kb(figures.cards.bytes)} (${kb(figures.cards.gzipBytes)} with gzip)`,
      `  query time, median of ${later.length} after the first: ${figures.medianQueryMs.toFixed(1)} ms to the result list, ${figures.medianExcerptsMs.toFixed(1)} ms to its excerpts`,
      `    ${times.map((t) => `${t.q} ${t.ms.toFixed(0)}/${t.excerptsMs.toFixed(0)}ms ${t.hits}`).join(', ')}`,
      JSON.stringify({ ...figures, queries: undefined }),
    ].join('\n') + '\n',
  );
} finally {
  await browser.close();
  await server.close();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`Kept ${work}\n`);
}

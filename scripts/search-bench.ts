/**
 * `node scripts/search-bench.ts [--sops 5000] [--keep]`: builds a synthetic
 * handbook (scripts/gen-handbook.ts) and measures search on it in real Chromium:
 * index size on disk, bytes fetched by the first query (opening the dialog on
 * an SOP page and typing, until its results and their excerpts are shown), the
 * result cards fetched in the background after it, and query time (median of
 * the 20 queries after the first, over --rounds visits with an empty cache): to
 * the result list (search plus the summaries of the 8 results the dialog
 * shows) and to their excerpts (their texts too), and the requests each query makes.
 * Prints the figures and writes them as JSON to stdout's last line.
 *
 *   node scripts/search-bench.ts --dist dist --sops 27 --query 直通车   # an existing build (the sample)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateHandbook } from './gen-handbook.ts';
import { launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { planQuery, termUseToken } from '../src/search/shared/text.ts';
import { namedTerms, type TermEntry } from '../src/search/shared/aliases.ts';

const { values } = parseArgs({
  options: {
    sops: { type: 'string', default: '5000' },
    keep: { type: 'boolean', default: false },
    /** Measure an existing build instead (e.g. dist/ of the sample). */
    dist: { type: 'string' },
    /** The first query, typed in the dialog. */
    query: { type: 'string', default: '直通车计划' },
    /** Visits, each with an empty cache: the query figures are the median over all of them. */
    rounds: { type: 'string', default: '3' },
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
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};

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
const queries = [
  '订单',
  '退款处理',
  '直通车',
  '库存',
  '發貨',
  '评价回访',
  'ROI',
  '每周',
  '客服话术',
  '供应商报价',
  '大促预案',
  '物流异常',
  '会员积分',
  '优惠券',
  '主图',
  '复盘',
  'COD',
  '质检',
  '对账单',
  '赠品',
  '盘点',
];
const rounds = Number(values.rounds);

interface Fetched {
  url: string;
  bytes: number;
  gzip: number;
}
interface Round {
  firstMs: number;
  responses: Fetched[];
  cards: Fetched[];
  times: { q: string; ms: number; excerptsMs: number; hits: number; requests: number; indexRequests: number; excerptRequests: number }[];
}

/** One visit in a fresh browser context (empty cache): the first query in the dialog, then the others through the engine. */
async function round(): Promise<Round> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sopDirs = readdirSync(path.join(dist, 'sops'), { withFileTypes: true }).filter((d) => d.isDirectory());
  const sopPage = `/sops/${(sopDirs.find((d) => d.name.startsWith('sop-')) ?? sopDirs[0])!.name}/`;
  await page.goto(`${server.url}${sopPage}`, { waitUntil: 'networkidle' });
  const fetched: Promise<Fetched>[] = [];
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
  const t0 = Date.now();
  await page.keyboard.press('/');
  await page.locator('.search-dialog[open] input').fill(values.query);
  await page.locator('.search-dialog [role="option"]').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const firstMs = Date.now() - t0;
  // The result cards are fetched once the first results are shown, for the queries after it: counted apart.
  const all = await Promise.all(fetched);
  const isCards = (r: Fetched) => /\/opsbook-cards\.[^/]*\.json$/.test(r.url);
  const times = await page.evaluate(async (qs) => {
    const engine = window.opsbookSearch!;
    await engine.cards(); // in already (networkidle above), as they are seconds after a first query
    const out: Round['times'] = [];
    // Requests per query, from resource timing (its buffer holds 250 entries unless told).
    performance.setResourceTimingBufferSize(100_000);
    const fetched = () => performance.getEntriesByType('resource').map((e) => e.name);
    for (const q of qs) {
      const before = fetched().length;
      const t = performance.now();
      const { hits } = await engine.search(q);
      const shown = hits.slice(0, 8);
      await Promise.all(shown.map((h) => h.summary()));
      const listed = performance.now();
      const toList = fetched().slice(before);
      await Promise.all(shown.map((h) => h.data()));
      const all = fetched().slice(before);
      out.push({
        q,
        ms: listed - t,
        excerptsMs: performance.now() - t,
        hits: hits.length,
        requests: toList.length,
        indexRequests: toList.filter((u) => u.includes('.pf_index')).length,
        excerptRequests: all.length - toList.length,
      });
    }
    return out;
  }, queries);
  await context.close();
  return { firstMs, responses: all.filter((r) => !isCards(r)), cards: all.filter(isCards), times };
}

/**
 * The index chunks the strict search alone fetches — one Pagefind AND search of each query's words and its
 * exact phrases, as the engine made before it had relaxed tiers — the queries in the same order in a fresh
 * visit: what the engine's tiers (several searches per query) are compared with.
 */
async function singleSearchChunks(): Promise<number[]> {
  const file = JSON.parse(readFileSync(path.join(pagefindDir, 'opsbook-terms.json'), 'utf8')) as { common?: string[]; terms?: TermEntry[] };
  const common = new Set(file.common ?? []);
  // The first query (typed in the dialog in a visit) first, not counted: its chunks are in when the others run.
  const mains = [values.query, ...queries].map((q) => {
    const plan = planQuery(q, common);
    // A query naming a glossary term also searches the term as written and its uses, as before the tiers.
    const named = namedTerms(q, file.terms ?? []).flatMap((t) => [planQuery(t.term, common).main, `"${termUseToken(t.term)}"`]);
    return [plan.main, ...plan.phrases, ...named];
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
  const chunks = await page.evaluate(async (qs) => {
    const pf = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    document.documentElement.lang = 'en';
    await pf.options({ excerptLength: 0, noWorker: true });
    await pf.init();
    performance.setResourceTimingBufferSize(100_000);
    const count = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('.pf_index')).length;
    const out: number[] = [];
    for (const q of qs) {
      const before = count();
      await Promise.all(q.map((x) => pf.search(x)));
      out.push(count() - before);
    }
    return out;
  }, mains);
  await context.close();
  return chunks.slice(1);
}

try {
  const done: Round[] = [];
  for (let i = 0; i < rounds; i++) done.push(await round());
  const single = await singleSearchChunks();
  const { responses, cards, firstMs } = done[0]!;
  const bytes = responses.reduce((n, r) => n + r.bytes, 0);
  const gzip = responses.reduce((n, r) => n + r.gzip, 0);
  // The queries after the first, in every round.
  const later = done.flatMap((r) => r.times.slice(1));
  const figures = {
    sops,
    indexBytes: index.bytes,
    indexFiles: index.files,
    pagefindFolderBytes: all.bytes,
    firstQuery: { query: values.query, requests: responses.length, bytes, gzipBytes: gzip, ms: firstMs },
    cards: { bytes: cards.reduce((n, r) => n + r.bytes, 0), gzipBytes: cards.reduce((n, r) => n + r.gzip, 0) },
    rounds,
    medianQueryMs: median(later.map((t) => t.ms)),
    medianExcerptsMs: median(later.map((t) => t.excerptsMs)),
    roundMedians: done.map((r) => median(r.times.slice(1).map((t) => t.ms))),
    // Every query of the first visit (the first included): requests until its result list, of them index
    // chunks, and then for its 8 excerpts. Later visits fetch the same.
    requestsPerQuery: {
      median: median(done[0]!.times.map((t) => t.requests)),
      max: Math.max(...done[0]!.times.map((t) => t.requests)),
      indexChunks: done[0]!.times.reduce((n, t) => n + t.indexRequests, 0) / done[0]!.times.length,
      singleSearchIndexChunks: single.reduce((n, c) => n + c, 0) / single.length,
      excerpts: median(done[0]!.times.map((t) => t.excerptRequests)),
    },
  };
  // Queries whose tiers fetched other chunks than the strict search alone.
  const otherChunks = queries.flatMap((q, i) =>
    done[0]!.times[i]!.indexRequests !== single[i] ? [`${q} ${done[0]!.times[i]!.indexRequests} vs ${single[i]}`] : [],
  );
  const perQuery = queries.map((q) => {
    const ts = done.map((r) => r.times.find((t) => t.q === q)!);
    return `${q} ${median(ts.map((t) => t.ms)).toFixed(0)}/${median(ts.map((t) => t.excerptsMs)).toFixed(0)}ms ${ts[0]!.hits} hits ${ts[0]!.requests}+${ts[0]!.excerptRequests} req`;
  });
  process.stdout.write(
    [
      `Search on ${sops} SOPs:`,
      `  index on disk: ${kb(index.bytes)} in ${index.files} files (pagefind/ with Pagefind's unused UI bundles: ${kb(all.bytes)})`,
      `  first query "${values.query}": ${responses.length} requests, ${kb(bytes)} fetched (${kb(gzip)} with gzip on text), ${firstMs} ms`,
      ...responses
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, process.env.BENCH_ALL ? 999 : 12)
        .map((r) => `    ${kb(r.bytes).padStart(10)} ${kb(r.gzip).padStart(10)}  ${r.url}`),
      `  then in the background, the result cards: ${kb(figures.cards.bytes)} (${kb(figures.cards.gzipBytes)} with gzip)`,
      `  query time, median of ${later.length / rounds} queries after the first × ${rounds} visits with an empty cache: ` +
        `${figures.medianQueryMs.toFixed(1)} ms to the result list, ${figures.medianExcerptsMs.toFixed(1)} ms to its excerpts ` +
        `(per visit: ${figures.roundMedians.map((m) => m.toFixed(1)).join(', ')} ms)`,
      `  requests per query (first visit, to the result list): median ${figures.requestsPerQuery.median}, max ${figures.requestsPerQuery.max}, ` +
        `index chunks ${figures.requestsPerQuery.indexChunks.toFixed(2)} on average ` +
        `(the strict search alone — words ANDed, exact phrases, a named term: ${figures.requestsPerQuery.singleSearchIndexChunks.toFixed(2)}); then ${figures.requestsPerQuery.excerpts} for the 8 excerpts (median)`,
      `    queries fetching other chunks than the strict search: ${otherChunks.join(', ') || 'none'}`,
      `    ${perQuery.join(', ')}`,
      JSON.stringify(figures),
    ].join('\n') + '\n',
  );
} finally {
  await browser.close();
  await server.close();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`Kept ${work}\n`);
}

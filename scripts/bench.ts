/**
 * `npm run bench`: builds synthetic handbooks of 1,000 and 5,000 SOPs (200
 * roles, 30 departments, 20 plans; deterministic) and measures, in one run:
 * check time, build time (check + Astro + Pagefind), peak memory, dist/ size,
 * search index size, HTML per page, and the JavaScript (gzip) an SOP, a role and
 * a plan page load. The same SOP Markdown is built with Starlight (installed
 * from npm into a temporary folder, not a project dependency) and with Hugo
 * (Debian package) + Pagefind, the practical floor for a static site with search,
 * and with plain Astro + Pagefind: a one-template Astro site of the project's own
 * Astro version (a content collection, one page per SOP, `pagefind --site dist`),
 * the floor of the stack Opsbook is built on. `astro dev` is timed too, for
 * Opsbook and plain Astro: until a first SOP page answers (cold: no .astro cache;
 * warm: a restart), and from saving an edited SOP until the server serves the change.
 * Prints a table and writes bench/results.json.
 *
 *   npm run bench                      # 1,000 and 5,000 SOPs, with plain Astro and Hugo
 *   npm run bench -- --sizes 200       # other sizes
 *   npm run bench -- --starlight       # with Starlight too (about 8 minutes more at 5,000)
 *   npm run bench -- --no-hugo --no-plain --no-dev
 *   npm run bench -- --sizes 20000 --no-dev --no-hugo --out bench/results-20000.json
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHandbook } from './gen-handbook.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    starlight: { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    'no-plain': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const sizes = options.sizes.split(',').map(Number);
const work = mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-'));
const TIME = '/usr/bin/time';

interface Measured {
  seconds: number;
  peakRssMb: number;
  status: number | null;
  output: string;
}

/** Runs a command under GNU time: wall seconds and the peak RSS of the largest process of the run. */
function measure(command: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measured {
  const stats = path.join(work, 'time.txt');
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M', '-o', stats, command, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(readFileSync(stats, 'utf8').trim().split('\n').pop());
  return { seconds, peakRssMb: kb / 1024, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function must(step: string, m: Measured): Measured {
  if (m.status !== 0) {
    process.stderr.write(m.output.slice(-4000));
    throw new Error(`${step} failed (exit ${m.status})`);
  }
  return m;
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** HTML pages: how many, their average size, and the median size of an SOP's own page (/sops/<id>/). */
function htmlStats(dir: string): { pages: number; averageKb: number; sopMedianKb: number } {
  let pages = 0;
  let bytes = 0;
  const sopSizes: number[] = [];
  const sopPage = new RegExp(`${path.sep}sops${path.sep}[^${path.sep}]+$`);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.includes(`${path.sep}pagefind`)) {
      pages++;
      const size = statSync(path.join(entry.parentPath, entry.name)).size;
      bytes += size;
      if (sopPage.test(entry.parentPath) && !entry.parentPath.endsWith(`${path.sep}index`)) sopSizes.push(size);
    }
  }
  sopSizes.sort((a, b) => a - b);
  return { pages, averageKb: pages ? bytes / pages / 1024 : 0, sopMedianKb: sopSizes.length ? sopSizes[Math.floor(sopSizes.length / 2)]! / 1024 : 0 };
}

/**
 * JavaScript a page loads before any interaction, gzip: inline scripts, module scripts and the
 * chunks they import statically (dynamic import() is what opening search loads: not counted).
 * test/e2e/js-budget.test.ts measures the same in Chromium.
 */
function pageJsGzip(dist: string, route: string): number {
  const html = readFileSync(path.join(dist, route, 'index.html'), 'utf8');
  let bytes = 0;
  const seen = new Set<string>();
  const addFile = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += gzipSync(code, { level: 9 }).length;
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) addFile(path.resolve(path.dirname(file), m[1]!));
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = match[1]!;
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    if (src) addFile(path.join(dist, src.replace(/^\//, '')));
    else bytes += gzipSync(match[2]!, { level: 9 }).length;
  }
  return bytes;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

interface Row {
  tool: string;
  sops: number;
  checkSeconds?: number;
  buildSeconds: number;
  peakRssMb: number;
  distMb: number;
  indexMb: number;
  pages: number;
  htmlKbPerPage: number;
  /** Median size of an SOP's own page: what must not grow with the handbook. */
  sopPageKb: number;
  jsGzipBytes?: { sop: number; role: number; plan: number };
  dev?: DevTimes;
}

const rows: Row[] = [];

/** Pagefind's own binary (the npm package's, with Chinese segmentation), for the sites that index with its CLI. */
const PAGEFIND = path.resolve('node_modules/@pagefind/linux-x64/bin/pagefind_extended');

/** The row of a site built into `dist` by `steps`, run one after another: their time summed, their peak memory. */
function siteRow(tool: string, sops: number, dist: string, steps: Measured[]): Row {
  const html = htmlStats(dist);
  return {
    tool,
    sops,
    buildSeconds: steps.reduce((sum, step) => sum + step.seconds, 0),
    peakRssMb: Math.max(...steps.map((step) => step.peakRssMb)),
    distMb: mb(dirSize(dist).bytes),
    indexMb: mb(dirSize(path.join(dist, 'pagefind')).bytes),
    pages: html.pages,
    htmlKbPerPage: html.averageKb,
    sopPageKb: html.sopMedianKb,
  };
}

function opsbook(content: string, sops: number): Row {
  const node = process.execPath;
  const check = must('check', measure(node, ['src/check/cli.ts', '--content', content]));
  const dist = path.join(work, `opsbook-${sops}`);
  const build = must('build', measure(node, ['scripts/build.ts'], { env: { OPSBOOK_CONTENT: content, OPSBOOK_DIST: dist, OPSBOOK_BUILD_DATE: '2026-11-25' } }));
  const sopId = readdirSync(path.join(content, 'sops'))[0]!.replace(/\.mdx?$/, '');
  const roleId = readdirSync(path.join(content, 'roles'))[0]!.replace(/\.md$/, '');
  const planId = readdirSync(path.join(content, 'plans'))[0]!.replace(/\.(ya?ml|md)$/, '');
  const html = htmlStats(dist);
  return {
    tool: 'Opsbook',
    sops,
    checkSeconds: check.seconds,
    buildSeconds: build.seconds,
    peakRssMb: Math.max(check.peakRssMb, build.peakRssMb),
    distMb: mb(dirSize(dist).bytes),
    indexMb: mb(dirSize(path.join(dist, 'pagefind')).bytes),
    pages: html.pages,
    htmlKbPerPage: html.averageKb,
    sopPageKb: html.sopMedianKb,
    jsGzipBytes: { sop: pageJsGzip(dist, `sops/${sopId}`), role: pageJsGzip(dist, `roles/${roleId}`), plan: pageJsGzip(dist, `plans/${planId}`) },
  };
}

/** The SOPs as plain Markdown with a title, the common input of Starlight and Hugo. */
function plainSops(content: string, target: string) {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(path.join(content, 'sops'))) {
    const text = readFileSync(path.join(content, 'sops', name), 'utf8');
    const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? name;
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const steps = [...text.matchAll(/^\s+- (?:do: )?(.+)$/gm)].map((m) => `1. ${m[1]}`).join('\n');
    writeFileSync(path.join(target, name.replace(/\.mdx$/, '.md')), `---\ntitle: ${JSON.stringify(title)}\n---\n\n${steps}\n\n${body}`);
  }
}

/**
 * Plain Astro + Pagefind: one content collection of the same SOP Markdown, one page template, Astro's
 * defaults, the project's own Astro (node_modules linked), then `pagefind --site dist`.
 */
function plainAstroSite(content: string, sops: number): string {
  const site = path.join(work, `plain-astro-${sops}`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, 'src', 'pages', 'sops'), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(site, 'node_modules'), 'dir');
  writeFileSync(path.join(site, 'package.json'), JSON.stringify({ name: 'plain-astro-bench', private: true, type: 'module' }));
  // Its own Vite cache: the linked node_modules/.vite is the project's.
  writeFileSync(
    path.join(site, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ vite: { cacheDir: '.vite' } });\n",
  );
  writeFileSync(
    path.join(site, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { sops: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/sops' }) }) };\n",
  );
  const page = (title: string, main: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">首页</a></nav><main data-pagefind-body>${main}</main></body></html>`;
  writeFileSync(
    path.join(site, 'src', 'pages', 'sops', '[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('sops')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n${page('{entry.data.title}', '<h1>{entry.data.title}</h1><Content />')}\n`,
  );
  writeFileSync(
    path.join(site, 'src', 'pages', 'index.astro'),
    `---\nimport { getCollection } from 'astro:content';\nconst sops = await getCollection('sops');\n---\n${page('手册', '<h1>手册</h1>{sops.map((s) => <a href={\`/sops/\${s.id}/\`}>{s.data.title}</a>)}')}\n`,
  );
  plainSops(content, path.join(site, 'src', 'content', 'sops'));
  return site;
}

function plainAstro(site: string, sops: number): Row {
  const built = must('plain astro build', measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: site }));
  const indexed = must('pagefind', measure(PAGEFIND, ['--site', 'dist'], { cwd: site }));
  return siteRow('plain Astro + Pagefind', sops, path.join(site, 'dist'), [built, indexed]);
}

export interface DevTimes {
  /** From starting `astro dev` with no .astro cache until Astro says it is ready. */
  coldReadySeconds: number;
  /** … and until a first SOP page answers (Vite compiles the page's modules on that request). */
  coldFirstPageSeconds: number;
  /** The same on a restart (content cache kept). */
  warmReadySeconds: number;
  warmFirstPageSeconds: number;
  /** From saving an edited SOP until the server's page shows the edit (median of three edits). */
  editSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a page until its HTML contains `text`; seconds from `since`. Gives up after `limit` seconds. */
async function waitForText(url: string, text: string, since: bigint, limit = 300): Promise<number> {
  for (;;) {
    const seconds = Number(process.hrtime.bigint() - since) / 1e9;
    if (seconds > limit) throw new Error(`${url} did not show "${text}" within ${limit} s`);
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes(text)) return Number(process.hrtime.bigint() - since) / 1e9;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
}

/** One port for every start: the port is part of the config Astro's content cache is keyed on, so a restart on another port would not be warm. */
const DEV_PORT = 4600;
/**
 * Times `astro dev` in `cwd`: cold start, restart, and three edits of one SOP file, each checked over HTTP
 * (the page the browser would reload). `sopFile` is restored afterwards.
 */
async function devTimes(cwd: string, env: NodeJS.ProcessEnv, sopFile: string, sopUrl: string, clearCache: () => void): Promise<DevTimes> {
  const original = readFileSync(sopFile, 'utf8');
  const title = /^title:\s*"?(.+?)"?\s*$/m.exec(original)![1]!;
  const start = async () => {
    const port = DEV_PORT;
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Astro's "ready in" line: the server listens (the page below is then compiled on its first request).
    let readySeconds: number | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (readySeconds === undefined && /ready in/.test(chunk.toString())) readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    });
    const url = `http://localhost:${port}${sopUrl}`;
    const firstPage = await waitForText(url, title, started);
    const ready = readySeconds ?? firstPage;
    const stop = async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    };
    return { url, ready, firstPage, stop };
  };
  try {
    clearCache();
    const cold = await start();
    const edits: number[] = [];
    for (let i = 1; i <= 3; i++) {
      await sleep(500);
      const marker = `基准测试修改第${i}次`;
      const saved = process.hrtime.bigint();
      writeFileSync(sopFile, `${original.trimEnd()}\n\n${marker}\n`);
      edits.push(await waitForText(cold.url, marker, saved, 60));
    }
    await cold.stop();
    writeFileSync(sopFile, original);
    const warm = await start();
    await warm.stop();
    edits.sort((a, b) => a - b);
    return {
      coldReadySeconds: cold.ready,
      coldFirstPageSeconds: cold.firstPage,
      warmReadySeconds: warm.ready,
      warmFirstPageSeconds: warm.firstPage,
      editSeconds: edits[1]!,
    };
  } finally {
    writeFileSync(sopFile, original);
  }
}

let starlightReady: string | undefined;
function starlight(content: string, sops: number): Row {
  if (!starlightReady) {
    starlightReady = path.join(work, 'starlight');
    mkdirSync(path.join(starlightReady, 'src', 'content'), { recursive: true });
    writeFileSync(path.join(starlightReady, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }));
    writeFileSync(
      path.join(starlightReady, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Bench', defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } } })] });\n",
    );
    writeFileSync(
      path.join(starlightReady, 'src', 'content.config.ts'),
      "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
    );
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '@astrojs/starlight', 'astro'], {
      cwd: starlightReady,
      encoding: 'utf8',
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error('npm install @astrojs/starlight failed');
  }
  const docs = path.join(starlightReady, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  plainSops(content, path.join(docs, 'sops'));
  writeFileSync(path.join(docs, 'index.md'), '---\ntitle: 手册\n---\n\n首页\n');
  const dist = path.join(starlightReady, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const build = must('starlight build', measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: starlightReady }));
  const row = siteRow('Starlight', sops, dist, [build]);
  rmSync(dist, { recursive: true, force: true });
  return row;
}

let aptUpdated = false;
/** A Debian package's command, installed with apt when missing (the bench machine is a fresh Debian box). */
function ensureDebian(command: string, args: string[], pkg: string): boolean {
  if (spawnSync(command, args).status === 0) return true;
  process.stdout.write(`Installing Debian ${pkg} for the benchmark…\n`);
  if (!aptUpdated) spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  aptUpdated = true;
  return spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}
const ensureHugo = () => ensureDebian('hugo', ['version'], 'hugo');
if (!ensureDebian(TIME, ['-f', '%M', 'true'], 'time')) throw new Error('GNU time (/usr/bin/time, Debian package "time") is needed to measure peak memory.');

function hugo(content: string, sops: number): Row {
  const site = path.join(work, `hugo-${sops}`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(site, 'hugo.toml'), "baseURL = '/'\nlanguageCode = 'zh-cn'\ntitle = 'Bench'\nhasCJKLanguage = true\n");
  const page =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><nav><a href="/">首页</a></nav><main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n';
  writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), page);
  writeFileSync(
    path.join(site, 'layouts', '_default', 'list.html'),
    page.replace('{{ .Content }}', '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'),
  );
  writeFileSync(
    path.join(site, 'layouts', 'index.html'),
    page.replace('{{ .Content }}', '{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'),
  );
  plainSops(content, path.join(site, 'content', 'sops'));
  const built = must('hugo', measure('hugo', ['--quiet'], { cwd: site }));
  const indexed = must('pagefind', measure(PAGEFIND, ['--site', 'public'], { cwd: site }));
  return siteRow('Hugo + Pagefind', sops, path.join(site, 'public'), [built, indexed]);
}

const hugoAvailable = !options['no-hugo'] && ensureHugo();
const say = (row: Row) =>
  process.stdout.write(
    `${row.tool}: ${row.buildSeconds.toFixed(1)} s${row.dev ? `; astro dev ready ${row.dev.warmReadySeconds.toFixed(1)} s (first page ${row.dev.warmFirstPageSeconds.toFixed(1)} s), cold ${row.dev.coldReadySeconds.toFixed(1)} s (${row.dev.coldFirstPageSeconds.toFixed(1)} s), edit shown after ${row.dev.editSeconds.toFixed(2)} s` : ''}\n`,
  );
try {
  for (const sops of sizes) {
    const content = path.join(work, `content-${sops}`);
    generateHandbook(content, { sops, roles: 200, departments: 30, plans: 20, seed: 20261125 });
    process.stdout.write(`\n== ${sops} SOPs ==\n`);
    const sopName = readdirSync(path.join(content, 'sops')).sort()[0]!;
    const sopUrl = `/sops/${sopName.replace(/\.mdx?$/, '')}/`;
    const mine = opsbook(content, sops);
    if (!options['no-dev']) {
      mine.dev = await devTimes(process.cwd(), { OPSBOOK_CONTENT: content }, path.join(content, 'sops', sopName), sopUrl, () => {
        rmSync('.astro', { recursive: true, force: true });
        rmSync('node_modules/.vite', { recursive: true, force: true });
      });
    }
    rows.push(mine);
    say(mine);
    rmSync(path.join(work, `opsbook-${sops}`), { recursive: true, force: true });
    if (!options['no-plain']) {
      const site = plainAstroSite(content, sops);
      const plain = plainAstro(site, sops);
      if (!options['no-dev']) {
        plain.dev = await devTimes(site, {}, path.join(site, 'src', 'content', 'sops', sopName.replace(/\.mdx$/, '.md')), sopUrl, () => {
          rmSync(path.join(site, '.astro'), { recursive: true, force: true });
          rmSync(path.join(site, '.vite'), { recursive: true, force: true });
        });
      }
      rows.push(plain);
      say(plain);
      rmSync(site, { recursive: true, force: true });
    }
    if (options.starlight) {
      rows.push(starlight(content, sops));
      say(rows.at(-1)!);
    }
    if (hugoAvailable) {
      rows.push(hugo(content, sops));
      say(rows.at(-1)!);
    }
  }
} finally {
  if (!options.keep) rmSync(work, { recursive: true, force: true });
}

const ratio = (sops: number, tool: string, key: 'buildSeconds' | 'peakRssMb') => {
  const mine = rows.find((r) => r.tool === 'Opsbook' && r.sops === sops)?.[key];
  const other = rows.find((r) => r.tool === tool && r.sops === sops)?.[key];
  return mine && other ? mine / other : null;
};
const ratios = sizes.map((sops) => ({
  sops,
  buildVsPlainAstro: ratio(sops, 'plain Astro + Pagefind', 'buildSeconds'),
  memoryVsPlainAstro: ratio(sops, 'plain Astro + Pagefind', 'peakRssMb'),
  buildVsHugo: ratio(sops, 'Hugo + Pagefind', 'buildSeconds'),
  memoryVsHugo: ratio(sops, 'Hugo + Pagefind', 'peakRssMb'),
  buildVsStarlight: ratio(sops, 'Starlight', 'buildSeconds'),
}));

const f = (n: number | null | undefined, d = 1) => (n == null ? '—' : n.toFixed(d));
const table = [
  '| tool | SOPs | check s | build s | peak RSS MB | dist MB | index MB | pages | HTML KB/page | SOP page KB | JS gzip B (SOP/role/plan) | dev ready / first page s (warm) | cold | dev edit s |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.tool} | ${r.sops} | ${f(r.checkSeconds, 2)} | ${f(r.buildSeconds)} | ${f(r.peakRssMb, 0)} | ${f(r.distMb)} | ${f(r.indexMb)} | ${r.pages} | ${f(r.htmlKbPerPage)} | ${f(r.sopPageKb)} | ${r.jsGzipBytes ? `${r.jsGzipBytes.sop} / ${r.jsGzipBytes.role} / ${r.jsGzipBytes.plan}` : '—'} | ${r.dev ? `${f(r.dev.warmReadySeconds)} / ${f(r.dev.warmFirstPageSeconds)}` : '—'} | ${r.dev ? `${f(r.dev.coldReadySeconds)} / ${f(r.dev.coldFirstPageSeconds)}` : '—'} | ${f(r.dev?.editSeconds, 2)} |`,
  ),
  '',
  '| SOPs | build ÷ plain Astro + Pagefind | memory ÷ plain Astro + Pagefind | build ÷ (Hugo + Pagefind) | memory ÷ (Hugo + Pagefind) | build ÷ Starlight |',
  '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ...ratios.map(
    (r) =>
      `| ${r.sops} | ${f(r.buildVsPlainAstro, 2)} | ${f(r.memoryVsPlainAstro, 2)} | ${f(r.buildVsHugo, 2)} | ${f(r.memoryVsHugo, 2)} | ${f(r.buildVsStarlight, 2)} |`,
  ),
].join('\n');
/** The targets of issue #18, each with the figure it is judged on. */
const largest = Math.max(...sizes);
const mineAt = (sops: number) => rows.find((r) => r.tool === 'Opsbook' && r.sops === sops);
const top = mineAt(largest);
const last = ratios.find((r) => r.sops === largest);
const smallest = mineAt(Math.min(...sizes));
const judged = (value: number | null | undefined, limit: number) => (value == null ? null : value <= limit);
const targets = top
  ? [
      ...ratios.map((r) => ({
        target: `build ≤ 1.25 × plain Astro + Pagefind (${r.sops} SOPs)`,
        value: r.buildVsPlainAstro == null ? '—' : `${f(r.buildVsPlainAstro, 2)} ×`,
        met: judged(r.buildVsPlainAstro, 1.25),
      })),
      {
        target: `build ≤ 2 × (Hugo + Pagefind) (${largest} SOPs)`,
        value: last?.buildVsHugo == null ? '—' : `${f(last.buildVsHugo, 2)} ×`,
        met: judged(last?.buildVsHugo, 2),
      },
      { target: 'peak memory ≤ 2 GB', value: `${f(top.peakRssMb, 0)} MB`, met: top.peakRssMb <= 2048 },
      { target: 'HTML ≤ 30 KB per page', value: `${f(top.htmlKbPerPage)} KB`, met: top.htmlKbPerPage <= 30 },
      {
        target: 'same SOP page size at every size (±10 %)',
        value: smallest && smallest !== top ? `${f(smallest.sopPageKb)} KB at ${smallest.sops}, ${f(top.sopPageKb)} KB at ${top.sops}` : '—',
        met: smallest && smallest !== top ? Math.abs(top.sopPageKb / smallest.sopPageKb - 1) <= 0.1 : null,
      },
      { target: 'SOP page JS ≤ 3 KB gzip', value: `${top.jsGzipBytes?.sop ?? '—'} B`, met: judged(top.jsGzipBytes?.sop, 3072) },
      { target: 'plan page JS ≤ 60 KB gzip', value: `${top.jsGzipBytes?.plan ?? '—'} B`, met: judged(top.jsGzipBytes?.plan, 60 * 1024) },
      {
        target: 'astro dev ready ≤ 5 s (restart)',
        value: top.dev
          ? `${f(top.dev.warmReadySeconds)} s; first page ${f(top.dev.warmFirstPageSeconds)} s; cold ${f(top.dev.coldReadySeconds)} s / ${f(top.dev.coldFirstPageSeconds)} s`
          : '—',
        met: judged(top.dev?.warmReadySeconds, 5),
      },
      { target: 'edited SOP served ≤ 1 s', value: top.dev ? `${f(top.dev.editSeconds, 2)} s` : '—', met: judged(top.dev?.editSeconds, 1) },
    ]
  : [];
const targetTable = [
  `| target (${largest} SOPs unless said) | measured | met |`,
  '| --- | --- | --- |',
  ...targets.map((t) => `| ${t.target} | ${t.value} | ${t.met === null ? '—' : t.met ? 'yes' : 'no'} |`),
].join('\n');
process.stdout.write(`\n${table}\n\n${targetTable}\n`);
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
};
mkdirSync(path.dirname(options.out), { recursive: true });
writeFileSync(options.out, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, ratios, targets, table, targetTable }, null, 2)}\n`);
process.stdout.write(`\n${options.out} written (${machine.cpus} cores, ${machine.memoryGb} GiB, ${machine.cpuModel}).\n`);

/**
 * `npm run bench`: builds synthetic handbooks of 1,000 and 5,000 SOPs (200
 * roles, 30 departments, 20 plans; deterministic) and measures, in one run:
 * check time, build time (check + Astro + Pagefind), peak memory, dist/ size,
 * search index size, HTML per page, and the JavaScript (gzip) an SOP, a role and
 * a plan page load. The same SOP Markdown is built with Starlight (installed
 * from npm into a temporary folder, not a project dependency) and with Hugo
 * (Debian package) + Pagefind, the practical floor for a static site with search.
 * Prints a table and writes bench/results.json.
 *
 *   npm run bench                      # 1,000 and 5,000 SOPs, with Starlight and Hugo
 *   npm run bench -- --sizes 200       # other sizes
 *   npm run bench -- --no-starlight --no-hugo
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHandbook } from './gen-handbook.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    'no-starlight': { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
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
}

const rows: Row[] = [];

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
  const html = htmlStats(dist);
  const row: Row = {
    tool: 'Starlight',
    sops,
    buildSeconds: build.seconds,
    peakRssMb: build.peakRssMb,
    distMb: mb(dirSize(dist).bytes),
    indexMb: mb(dirSize(path.join(dist, 'pagefind')).bytes),
    pages: html.pages,
    htmlKbPerPage: html.averageKb,
    sopPageKb: html.sopMedianKb,
  };
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
  const pagefindBin = path.resolve('node_modules/@pagefind/linux-x64/bin/pagefind_extended');
  const indexed = must('pagefind', measure(pagefindBin, ['--site', 'public'], { cwd: site }));
  const dist = path.join(site, 'public');
  const html = htmlStats(dist);
  return {
    tool: 'Hugo + Pagefind',
    sops,
    buildSeconds: built.seconds + indexed.seconds,
    peakRssMb: Math.max(built.peakRssMb, indexed.peakRssMb),
    distMb: mb(dirSize(dist).bytes),
    indexMb: mb(dirSize(path.join(dist, 'pagefind')).bytes),
    pages: html.pages,
    htmlKbPerPage: html.averageKb,
    sopPageKb: html.sopMedianKb,
  };
}

const hugoAvailable = !options['no-hugo'] && ensureHugo();
try {
  for (const sops of sizes) {
    const content = path.join(work, `content-${sops}`);
    generateHandbook(content, { sops, roles: 200, departments: 30, plans: 20, seed: 20261125 });
    process.stdout.write(`\n== ${sops} SOPs ==\n`);
    rows.push(opsbook(content, sops));
    process.stdout.write(`Opsbook: ${rows.at(-1)!.buildSeconds.toFixed(1)} s\n`);
    if (!options['no-starlight']) {
      rows.push(starlight(content, sops));
      process.stdout.write(`Starlight: ${rows.at(-1)!.buildSeconds.toFixed(1)} s\n`);
    }
    if (hugoAvailable) {
      rows.push(hugo(content, sops));
      process.stdout.write(`Hugo + Pagefind: ${rows.at(-1)!.buildSeconds.toFixed(1)} s\n`);
    }
    rmSync(path.join(work, `opsbook-${sops}`), { recursive: true, force: true });
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
  buildVsStarlight: ratio(sops, 'Starlight', 'buildSeconds'),
  memoryVsStarlight: ratio(sops, 'Starlight', 'peakRssMb'),
  buildVsHugo: ratio(sops, 'Hugo + Pagefind', 'buildSeconds'),
  memoryVsHugo: ratio(sops, 'Hugo + Pagefind', 'peakRssMb'),
}));

const f = (n: number | undefined, d = 1) => (n === undefined ? '—' : n.toFixed(d));
const table = [
  '| tool | SOPs | check s | build s | peak RSS MB | dist MB | index MB | pages | HTML KB/page | SOP page KB | JS gzip B (SOP/role/plan) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map(
    (r) =>
      `| ${r.tool} | ${r.sops} | ${f(r.checkSeconds, 2)} | ${f(r.buildSeconds)} | ${f(r.peakRssMb, 0)} | ${f(r.distMb)} | ${f(r.indexMb)} | ${r.pages} | ${f(r.htmlKbPerPage)} | ${f(r.sopPageKb)} | ${r.jsGzipBytes ? `${r.jsGzipBytes.sop} / ${r.jsGzipBytes.role} / ${r.jsGzipBytes.plan}` : '—'} |`,
  ),
  '',
  '| SOPs | build ÷ Starlight | memory ÷ Starlight | build ÷ (Hugo + Pagefind) | memory ÷ (Hugo + Pagefind) |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...ratios.map(
    (r) =>
      `| ${r.sops} | ${f(r.buildVsStarlight ?? undefined, 2)} | ${f(r.memoryVsStarlight ?? undefined, 2)} | ${f(r.buildVsHugo ?? undefined, 2)} | ${f(r.memoryVsHugo ?? undefined, 2)} |`,
  ),
].join('\n');
/** The targets of issue #6 at the largest size, each with the figure it is judged on. */
const largest = Math.max(...sizes);
const mine = (sops: number) => rows.find((r) => r.tool === 'Opsbook' && r.sops === sops);
const top = mine(largest);
const last = ratios.find((r) => r.sops === largest);
const smallest = mine(Math.min(...sizes));
const targets = top
  ? [
      { target: 'check ≤ 3 s', value: `${f(top.checkSeconds, 2)} s`, met: (top.checkSeconds ?? Infinity) <= 3 },
      {
        target: 'build ≤ 0.2 × Starlight',
        value: last?.buildVsStarlight == null ? '—' : `${f(last.buildVsStarlight, 2)} ×`,
        met: last?.buildVsStarlight == null ? null : last.buildVsStarlight <= 0.2,
      },
      {
        target: 'build ≤ 2 × (Hugo + Pagefind)',
        value: last?.buildVsHugo == null ? '—' : `${f(last.buildVsHugo, 2)} ×`,
        met: last?.buildVsHugo == null ? null : last.buildVsHugo <= 2,
      },
      { target: 'peak memory ≤ 3.5 GB', value: `${f(top.peakRssMb, 0)} MB`, met: top.peakRssMb <= 3.5 * 1024 },
      { target: 'HTML ≤ 30 KB per page', value: `${f(top.htmlKbPerPage)} KB`, met: top.htmlKbPerPage <= 30 },
      {
        target: 'same SOP page size at every size (±10 %)',
        value: smallest && smallest !== top ? `${f(smallest.sopPageKb)} KB at ${smallest.sops}, ${f(top.sopPageKb)} KB at ${top.sops}` : '—',
        met: smallest && smallest !== top ? Math.abs(top.sopPageKb / smallest.sopPageKb - 1) <= 0.1 : null,
      },
      { target: 'SOP page JS ≤ 3 KB gzip', value: `${top.jsGzipBytes?.sop ?? '—'} B`, met: (top.jsGzipBytes?.sop ?? Infinity) <= 3072 },
    ]
  : [];
const targetTable = [
  `| target (${largest} SOPs) | measured | met |`,
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
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), machine, rows, ratios, targets, table, targetTable }, null, 2)}\n`);
process.stdout.write(`\nbench/results.json written (${machine.cpus} cores, ${machine.memoryGb} GiB, ${machine.cpuModel}).\n`);

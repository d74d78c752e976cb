/**
 * `npm run pdf`: builds the handbook (plan pages then link to their PDF) and prints every plan's
 * /plans/<id>/print/ page to dist/pdf/<id>.pdf and its /plans/<id>/summary/ page to
 * dist/pdf/<id>-summary.pdf (one A4 landscape page) with Debian's Chromium through playwright-core.
 * Chromium draws the running header and the "第 n 页 / 共 m 页" footer and writes the outline from the
 * headings; pdf-lib then sets the metadata Chromium cannot (src/integrations/pdf-document.ts). A report
 * longer than 4 pages gets its contents with page numbers, read from that outline on a first pass.
 * Each plan's monthly reviews (/plans/<id>/review/<YYYY-MM>/) go to dist/pdf/<id>-<YYYY-MM>.pdf, its weekly
 * reviews (/plans/<id>/week/<YYYY>-W<ww>/) to dist/pdf/<id>-<YYYY>-W<ww>.pdf.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumMissingMessage, CHROMIUM, launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { deployment } from '../src/integrations/deploy.ts';
import { readOutline, withMetadata } from '../src/integrations/pdf-document.ts';
import type { Page } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    // Print an existing build instead of building first (its plan pages will not link to the PDFs).
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
  },
});
const dist = path.resolve(options.dist);
// A site built for a sub-path (OPSBOOK_BASE / OPSBOOK_SITE) is served under it, so its links resolve.
const base = deployment(process.env).base ?? '/';

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`npm run pdf: ${chromiumMissingMessage()}\n`);
  process.exit(1);
}

if (!options['no-build']) {
  const build = spawnSync(process.execPath, [path.resolve('scripts/build.ts')], {
    stdio: 'inherit',
    env: { ...process.env, OPSBOOK_PDF: '1', OPSBOOK_DIST: dist },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const plansDir = path.join(dist, 'plans');
const ids = existsSync(plansDir)
  ? readdirSync(plansDir)
      .filter((id) => existsSync(path.join(plansDir, id, 'print', 'index.html')))
      .sort()
  : [];
if (ids.length === 0) {
  process.stderr.write('npm run pdf: no plan print pages in dist/plans/*/print/ — does content/plans/ hold any plan?\n');
  process.exit(1);
}

// Monthly reviews (月报, review/<YYYY-MM>/) and weekly reviews (周报, week/<YYYY>-W<ww>/): one PDF each, <id>-<name>.pdf.
const reviews = ids.flatMap((id) =>
  ['review', 'week'].flatMap((kind) => {
    const folder = path.join(plansDir, id, kind);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => existsSync(path.join(folder, name, 'index.html')))
      .sort()
      .map((name) => ({ route: `plans/${id}/${kind}/${name}/`, file: `${id}-${name}.pdf` }));
  }),
);
const documents = [
  ...ids.flatMap((id) => [
    { route: `plans/${id}/print/`, file: `${id}.pdf` },
    // The one-page summary (一页纸计划), one A4 landscape page.
    ...(existsSync(path.join(plansDir, id, 'summary', 'index.html')) ? [{ route: `plans/${id}/summary/`, file: `${id}-summary.pdf` }] : []),
  ]),
  ...reviews,
];

const out = path.join(dist, 'pdf');
mkdirSync(out, { recursive: true });

/** Contents with page numbers only when the report is longer than this. */
const CONTENTS_AFTER_PAGES = 4;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PrintMeta {
  header: string;
  footer: string;
  title: string;
  author: string;
  subject: string;
  date: string;
  language: string;
  landscape: boolean;
}

async function printMeta(page: Page): Promise<PrintMeta> {
  return page.evaluate(() => {
    const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
    return {
      header: meta('opsbook:pdf-header'),
      footer: meta('opsbook:pdf-footer'),
      title: document.title,
      author: meta('author'),
      subject: meta('description'),
      date: meta('opsbook:pdf-date'),
      language: document.documentElement.lang,
      landscape: document.documentElement.classList.contains('landscape'),
    };
  });
}

async function render(page: Page, meta: PrintMeta): Promise<Uint8Array> {
  const small = 'font-size:7.5pt;color:#555;width:100%;margin:0 14mm;font-family:sans-serif;';
  const footer = escapeHtml(meta.footer).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
  return page.pdf({
    format: 'A4',
    landscape: meta.landscape,
    printBackground: true,
    // Page size and margins from the page's @page rule; header and footer sit in those margins.
    preferCSSPageSize: true,
    // Pages that name no footer (a monthly review) print as before, without header and footer.
    displayHeaderFooter: !meta.landscape && meta.footer !== '',
    headerTemplate: `<div style="${small}">${escapeHtml(meta.header)}</div>`,
    footerTemplate: `<div style="${small}text-align:center;">${footer}</div>`,
    outline: true,
    tagged: true,
  });
}

/** Fills the contents' page numbers from the outline of a first rendering; hides them for a short report. */
async function fillContents(page: Page, bytes: Uint8Array): Promise<boolean> {
  const { pages, outline } = await readOutline(bytes);
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-page-of]')].map((span) => {
      const section = document.getElementById(span.dataset.pageOf!);
      const heading = section?.querySelector('h2, h3');
      return { id: span.dataset.pageOf!, title: (heading?.textContent ?? section?.getAttribute('aria-label') ?? '').trim() };
    }),
  );
  const numbers = Object.fromEntries(headings.map((h) => [h.id, outline.find((entry) => entry.title === h.title)?.page ?? null]));
  return page.evaluate(
    ({ numbers, show }) => {
      const nav = document.querySelector<HTMLElement>('[data-contents]');
      if (!nav) return false;
      const before = nav.hidden ? '' : nav.textContent;
      nav.hidden = !show;
      for (const span of nav.querySelectorAll<HTMLElement>('[data-page-of]')) {
        const n = numbers[span.dataset.pageOf!];
        span.textContent = n ? String(n) : '';
        if (!n) span.closest('li')?.remove();
      }
      return (nav.hidden ? '' : nav.textContent) !== before;
    },
    { numbers, show: pages > CONTENTS_AFTER_PAGES },
  );
}

async function printPdf(page: Page, url: string, file: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.emulateMedia({ media: 'print' });
  const meta = await printMeta(page);
  let bytes = await render(page, meta);
  // Page numbers in the contents move nothing when filled in (a two-digit placeholder holds their place),
  // but showing the contents may: render until they agree with the outline, three times at most.
  for (let pass = 0; pass < 3 && (await fillContents(page, bytes)); pass++) bytes = await render(page, meta);
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  writeFileSync(file, await withMetadata(bytes, { title: meta.title, author: meta.author, subject: meta.subject, date: meta.date, language: meta.language }));
  process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}

/** Shows the plan's "下载 PDF" links (rendered hidden, their address in data-pdf-link) in its built pages, now that the PDF exists. */
function showPdfLinks(id: string): void {
  for (const route of ['', 'print/']) {
    const file = path.join(plansDir, id, route, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const shown = html.replace(/<a\b[^>]*\bdata-pdf-link\b[^>]*>/g, (tag) =>
      tag.replace(/\shidden(=""|=hidden)?(?=[\s>])/, '').replace(/\sdata-pdf-link="([^"]*)"/, ' href="$1" data-pdf-link'),
    );
    if (shown !== html) writeFileSync(file, shown);
  }
}

const server = await serveDir(dist, base);
const browser = await launchBrowser();
try {
  // A high device scale factor keeps any canvas crisp on paper (the report's own charts are SVG).
  const context = await browser.newContext({ deviceScaleFactor: 3, colorScheme: 'light' });
  for (const document of documents) {
    const page = await context.newPage();
    await printPdf(page, `${server.url}${base}${document.route}`, path.join(out, document.file));
    await page.close();
  }
  for (const id of ids) if (existsSync(path.join(out, `${id}.pdf`))) showPdfLinks(id);
} finally {
  await browser.close();
  await server.close();
}

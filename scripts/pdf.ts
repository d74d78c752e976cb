/**
 * `npm run pdf`: builds the handbook (plan pages then link to their PDF) and
 * prints every plan's /plans/<id>/print/ page to dist/pdf/<id>.pdf with
 * Debian's Chromium through playwright-core; each plan's monthly reviews (/plans/<id>/review/<YYYY-MM>/)
 * go to dist/pdf/<id>-<YYYY-MM>.pdf.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumMissingMessage, CHROMIUM, launchBrowser, serveDir } from '../test/e2e/browser.ts';
import { deployment } from '../src/integrations/deploy.ts';

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

// Monthly reviews (月报): one PDF per month with data.
const reviews = ids.flatMap((id) => {
  const folder = path.join(plansDir, id, 'review');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((month) => existsSync(path.join(folder, month, 'index.html')))
    .sort()
    .map((month) => ({ route: `plans/${id}/review/${month}/`, file: `${id}-${month}.pdf` }));
});
const documents = [...ids.map((id) => ({ route: `plans/${id}/print/`, file: `${id}.pdf` })), ...reviews];

const out = path.join(dist, 'pdf');
mkdirSync(out, { recursive: true });
const server = await serveDir(dist, base);
const browser = await launchBrowser();
try {
  // A high device scale factor makes the Chart.js canvases crisp on paper.
  const context = await browser.newContext({ deviceScaleFactor: 3, colorScheme: 'light' });
  for (const document of documents) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${base}${document.route}`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const file = path.join(out, document.file);
    await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (errors.length) throw new Error(`${document.route}: ${errors.join('; ')}`);
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

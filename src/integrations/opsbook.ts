/**
 * The Opsbook Astro integration: runs the content checker before `astro dev`
 * and `astro build` (same report as `npm run check`), and indexes the built
 * site with Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadContent } from '../check/load.ts';
import { langForLocale, toText } from '../check/report.ts';
import { contentDir } from './content-dir.ts';
import { DEV_OVERLAY_SCRIPT, watchContent } from '../check/dev-watch.ts';
import { dropReloadsWithoutClients } from './dev-reloads.ts';
import { hardenPage } from './html-hardening.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';

/**
 * CSP allowing Opsbook's own scripts only, no foreign inline script, no javascript: URLs (html-hardening.ts).
 * Returns the pages that held an inline script of another origin (removed).
 */
async function hardenBuiltPages(dist: string): Promise<string[]> {
  const foreign: string[] = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    const hardened = hardenPage(html);
    if (hardened.foreignScripts > 0) foreign.push(path.relative(dist, file));
    if (hardened.html !== html) await writeFile(file, hardened.html);
  }
  return foreign;
}
import { buildSearchIndex } from '../search/build/build-index.ts';
import type { Handbook } from '../domain/handbook.ts';

export class ContentCheckFailed extends Error {
  constructor(count: number) {
    super(`Content check failed with ${count} error(s); see the report above. / 内容检查未通过，见上方报告。`);
    this.name = 'ContentCheckFailed';
  }
}

async function runCheck(): Promise<{ report: string; errors: number; handbook: Handbook }> {
  const root = contentDir();
  const { handbook, problems } = await loadContent(root);
  const displayRoot = path.relative(process.cwd(), root).split(path.sep).join('/') || '.';
  const report = toText(problems, { lang: langForLocale(handbook.site.locale), displayRoot, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  return { report, errors: problems.filter((p) => p.severity === 'error').length, handbook };
}

export interface OpsbookOptions {
  /**
   * Stop `astro build` when the check reports errors (default). Tests of the build's own defences
   * (the body guard, the CSP) turn it off to see what a body that got past the check would publish.
   */
  readonly stopOnErrors?: boolean;
}

export default function opsbook({ stopOnErrors = true }: OpsbookOptions = {}): AstroIntegration {
  /** The handbook the check read, reused by the search index. */
  let checked: Handbook | undefined;
  return {
    name: 'opsbook',
    hooks: {
      'astro:config:setup': async ({ command, injectScript }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'dev') injectScript('page', DEV_OVERLAY_SCRIPT);
        const { report, errors, handbook } = await runCheck();
        checked = handbook;
        process.stdout.write(`${report}\n`);
        if (errors > 0 && command === 'build' && stopOnErrors) throw new ContentCheckFailed(errors);
      },
      'astro:server:setup': ({ server }) => {
        dropReloadsWithoutClients(server);
        watchContent(server, contentDir());
      },
      'astro:build:done': async ({ dir, logger }) => {
        const foreign = await hardenBuiltPages(fileURLToPath(dir));
        if (foreign.length > 0) {
          logger.warn(
            `Removed inline scripts that are not Opsbook's own from ${foreign.length} page(s) (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); the CSP would have blocked them.`,
          );
        }
        // Search: records from the handbook, text from the built pages (src/search/build/build-index.ts).
        const handbook = checked ?? (await loadContent(contentDir())).handbook;
        const started = performance.now();
        const { records, byKind } = await buildSearchIndex(handbook, fileURLToPath(dir));
        const kinds = Object.entries(byKind)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ');
        logger.info(`Pagefind indexed ${records} records (${kinds}) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

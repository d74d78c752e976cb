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
import { hardenHtml } from './html-hardening.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';

/** CSP with hashes of the inline scripts each page runs, and no javascript: URLs (html-hardening.ts). */
async function hardenBuiltPages(dist: string): Promise<void> {
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    const hardened = hardenHtml(html);
    if (hardened !== html) await writeFile(file, hardened);
  }
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

export default function opsbook(): AstroIntegration {
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
        if (errors > 0 && command === 'build') throw new ContentCheckFailed(errors);
      },
      'astro:server:setup': ({ server }) => {
        dropReloadsWithoutClients(server);
        watchContent(server, contentDir());
      },
      'astro:build:done': async ({ dir, logger }) => {
        await hardenBuiltPages(fileURLToPath(dir));
        // Search: records from the handbook, text from the built pages (src/search/build/build-index.ts).
        const handbook = checked ?? (await loadContent(contentDir())).handbook;
        const started = performance.now();
        const { records, byKind } = await buildSearchIndex(handbook, fileURLToPath(dir));
        const kinds = Object.entries(byKind).map(([kind, n]) => `${n} ${kind}`).join(', ');
        logger.info(`Pagefind indexed ${records} records (${kinds}) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

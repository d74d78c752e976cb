/**
 * The Opsbook Astro integration: runs the content checker before `astro dev`
 * and `astro build` (same report as `npm run check`), and indexes the built
 * site with Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadContent } from './check/load.ts';
import { langForLocale, toText } from './check/report.ts';
import { contentDir } from './paths.ts';

export class ContentCheckFailed extends Error {
  constructor(count: number) {
    super(`Content check failed with ${count} error(s); see the report above. / 内容检查未通过，见上方报告。`);
    this.name = 'ContentCheckFailed';
  }
}

async function runCheck(): Promise<{ report: string; errors: number }> {
  const root = contentDir();
  const { handbook, problems } = await loadContent(root);
  const displayRoot = path.relative(process.cwd(), root).split(path.sep).join('/') || '.';
  const report = toText(problems, { lang: langForLocale(handbook.site.locale), displayRoot, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  return { report, errors: problems.filter((p) => p.severity === 'error').length };
}

export default function opsbook(): AstroIntegration {
  return {
    name: 'opsbook',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { report, errors } = await runCheck();
        process.stdout.write(`${report}\n`);
        if (errors > 0 && command === 'build') throw new ContentCheckFailed(errors);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const site = fileURLToPath(dir);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}

/**
 * The Opsbook Astro integration: runs the content checker with `astro build`
 * (on a second thread while Astro starts; rendering waits for its verdict) and
 * `astro dev` (beside the server, src/check/dev-watch.ts), with the same report as
 * `npm run check`; in a build, hardens each page and feeds the search index as
 * the page is rendered (built-pages.ts, build-thread.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentDir } from './content-dir.ts';
import { DEV_OVERLAY_SCRIPT, watchContent } from '../check/dev-watch.ts';
import { dropReloadsWithoutClients } from './dev-reloads.ts';
import { BuiltPages, setCurrentBuild } from './built-pages.ts';
import { BuildThread } from './build-thread.ts';
import { settleCheck, shareCheck } from './check-verdict.ts';
import { serveEditorFilesInDev } from './editor-dev.ts';
import { historyWarning } from './changes/read.ts';

export interface OpsbookOptions {
  /**
   * Stop `astro build` when the check reports errors (default). Tests of the build's own defences
   * (the body guard, the CSP) turn it off to see what a body that got past the check would publish.
   */
  readonly stopOnErrors?: boolean;
}

export default function opsbook({ stopOnErrors = true }: OpsbookOptions = {}): AstroIntegration {
  let thread: BuildThread | undefined;
  let build: BuiltPages | undefined;
  let base = '/';
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    name: 'opsbook',
    hooks: {
      'astro:config:setup': async ({ command, config, injectScript, addMiddleware }) => {
        base = config.base;
        if (command === 'build') {
          // The check runs on a second thread while Astro starts and syncs content; the build waits
          // for its verdict before rendering (astro:build:start), and content.config.ts waits for it
          // when Astro's own reading of a file fails, so the report comes first.
          thread = new BuildThread({ root: contentDir(), cwd: process.cwd(), color });
          shareCheck(thread.checked.then((outcome) => ({ ...outcome, stops: outcome.errors > 0 && stopOnErrors })));
          addMiddleware({ entrypoint: new URL('./built-pages-middleware.ts', import.meta.url), order: 'post' });
        }
        // In dev the check runs beside the server, which starts at once (src/check/dev-watch.ts).
        if (command === 'dev') injectScript('page', DEV_OVERLAY_SCRIPT);
      },
      'astro:server:setup': ({ server }) => {
        dropReloadsWithoutClients(server);
        watchContent(server, contentDir());
        serveEditorFilesInDev(server, base);
      },
      'astro:build:start': async ({ logger }) => {
        if (!thread) return;
        const history = historyWarning();
        if (history) logger.warn(history);
        try {
          await settleCheck();
        } catch (error) {
          await thread.stop();
          throw error;
        }
        // Pagefind starts now and indexes each page as it is rendered (build-thread.ts).
        thread.startIndex();
        build = new BuiltPages(base, (url, html) => thread!.page(url, html));
        setCurrentBuild(build);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // Hardening never depends on the middleware having run: without it, every page is hardened from disk.
        const current = build ?? new BuiltPages(base);
        setCurrentBuild(undefined);
        const started = performance.now();
        const { fromDisk } = await current.finish(dist);
        if (fromDisk > 0) logger.debug(`${fromDisk} page(s) hardened after the build (not rendered through the middleware)`);
        const foreign = current.foreign;
        if (foreign.length > 0) {
          logger.warn(
            `Removed inline scripts that are not Opsbook's own from ${foreign.length} page(s) (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); the CSP would have blocked them.`,
          );
        }
        if (!thread) return;
        const { records, byKind } = await thread.finish(dist);
        const kinds = Object.entries(byKind)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ');
        logger.info(`Pagefind indexed ${records} records (${kinds}); ${Math.round(performance.now() - started)} ms after the last page`);
      },
    },
  };
}

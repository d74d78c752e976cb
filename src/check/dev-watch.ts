/**
 * Live errors during `astro dev`: when a content file changes, the checker runs
 * again, prints the same report as `npm run check`, and shows the problems in
 * the browser's error overlay; once they are fixed the overlay clears (the page
 * reloads) without restarting the server.
 */
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { loadContent } from './load.ts';
import { langForLocale, renderProblem, toText } from './report.ts';
import { useTranslations } from '../i18n/index.ts';

export interface CheckReport {
  readonly text: string;
  readonly plain: string;
  /** The overlay's heading, name and hint in the site's language. */
  readonly heading: { readonly name: string; readonly title: string; readonly hint: string };
  readonly errors: number;
  readonly firstError?: { file: string; line: number | null; column?: number | null };
}

export async function checkForDev(root: string): Promise<CheckReport> {
  const { handbook, problems } = await loadContent(root);
  const lang = langForLocale(handbook.site.locale);
  const displayRoot = path.relative(process.cwd(), root).split(path.sep).join('/') || '.';
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0] && renderProblem(errors[0], lang);
  const t = useTranslations(lang);
  return {
    heading: { name: t('dev.name'), title: t('dev.title', { n: errors.length }), hint: t('dev.hint') },
    text: toText(problems, { lang, displayRoot, color }),
    plain: toText(errors, { lang, displayRoot, color: false }),
    errors: errors.length,
    firstError: first ? { file: path.join(root, first.file), line: first.line, column: first.column } : undefined,
  };
}

export function watchContent(server: ViteDevServer, root: string): void {
  let latest: CheckReport | undefined;
  let timer: NodeJS.Timeout | undefined;

  const overlay = (report: CheckReport) => ({
    type: 'error' as const,
    // Astro's overlay shows name, title, message and hint; the stack box is left out (see DEV_OVERLAY_SCRIPT).
    err: {
      name: report.heading.name,
      title: report.heading.title,
      message: report.plain,
      hint: report.heading.hint,
      stack: '',
      plugin: 'opsbook:check',
      id: report.firstError?.file,
      loc: report.firstError ? { file: report.firstError.file, line: report.firstError.line ?? 1, column: report.firstError.column ?? 1 } : undefined,
    },
  });

  const recheck = async () => {
    const hadErrors = (latest?.errors ?? 0) > 0;
    latest = await checkForDev(root);
    process.stdout.write(`${latest.text}\n`);
    if (latest.errors > 0) server.ws.send(overlay(latest));
    else if (hadErrors) server.ws.send({ type: 'full-reload' });
  };

  server.watcher.add(root);
  server.watcher.on('all', (_event, file) => {
    if (!path.resolve(file).startsWith(root + path.sep)) return;
    clearTimeout(timer);
    // Editors save in bursts (temp file, rename): check once they are done.
    timer = setTimeout(() => void recheck().catch((error) => server.config.logger.error(String(error))), 150);
  });
  // A page opened (or reloaded) while content is broken still shows the problems.
  server.ws.on('connection', () => {
    if (latest && latest.errors > 0) server.ws.send(overlay(latest));
  });
  void checkForDev(root).then((report) => {
    latest = report;
  });
}

/**
 * Injected into pages by `astro dev` only: Astro's error overlay always shows a "Stack Trace" box, empty
 * for the checker's problems (they have no stack). This hides an empty one.
 */
export const DEV_OVERLAY_SCRIPT = `new MutationObserver(() => {
  for (const overlay of document.querySelectorAll('vite-error-overlay')) {
    const root = overlay.shadowRoot;
    const stack = root && root.querySelector('#stack');
    if (stack && !root.querySelector('#stack-content')?.textContent?.trim()) stack.style.display = 'none';
  }
}).observe(document.documentElement, { childList: true, subtree: true });`;

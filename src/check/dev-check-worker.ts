/**
 * The dev server's checker thread (dev-watch.ts): checks the content folder on
 * request, so a check of thousands of files never holds up the server's own
 * thread, which meanwhile serves and re-renders pages.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
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

export async function checkForDev(root: string, color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR): Promise<CheckReport> {
  const { handbook, problems } = await loadContent(root);
  const lang = langForLocale(handbook.site.locale);
  const displayRoot = path.relative(process.cwd(), root).split(path.sep).join('/') || '.';
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

// Started as a thread by dev-watch.ts; imported elsewhere (tests, types) it does nothing.
parentPort?.on('message', ({ id, root, color }: { id: number; root: string; color: boolean }) => {
  checkForDev(root, color).then(
    (report) => parentPort!.postMessage({ id, report }),
    (error: unknown) => parentPort!.postMessage({ id, error: String((error as Error)?.stack ?? error) }),
  );
});

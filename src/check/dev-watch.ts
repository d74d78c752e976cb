/**
 * Live errors during `astro dev`: the checker runs as the server starts and again
 * when a content file changes, prints the same report as `npm run check`, and
 * shows the problems in the browser's error overlay; once they are fixed the
 * overlay clears (the page reloads) without restarting the server. The checks run
 * on a thread of their own (dev-check-worker.ts): the server starts without
 * waiting for them, and serves an edited page while the check reads every file.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ViteDevServer } from 'vite';
// Types only: the checker itself is loaded by the checker thread, not by the server's.
import type { CheckReport } from './dev-check-worker.ts';

/** Checks on the checker thread, one at a time, in the order asked. */
function checkerThread(): (root: string) => Promise<CheckReport> {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (report: CheckReport) => void; reject: (error: Error) => void }>();
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return (root) => {
    if (!worker) {
      worker = new Worker(new URL('./dev-check-worker.ts', import.meta.url));
      worker.unref(); // never what keeps the process alive
      worker.on('message', ({ id, report, error }: { id: number; report?: CheckReport; error?: string }) => {
        const pending = waiting.get(id);
        waiting.delete(id);
        if (error !== undefined) pending?.reject(new Error(error));
        else pending?.resolve(report!);
      });
      worker.on('error', (error) => {
        for (const pending of waiting.values()) pending.reject(error);
        waiting.clear();
        worker = undefined;
      });
    }
    const id = next++;
    const done = new Promise<CheckReport>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, root, color });
    return done;
  };
}

export function watchContent(server: ViteDevServer, root: string): void {
  let latest: CheckReport | undefined;
  let timer: NodeJS.Timeout | undefined;
  const check = checkerThread();

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
    latest = await check(root);
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
  // The first check: its report in the terminal, its problems in the first page that connects.
  void recheck().catch((error) => server.config.logger.error(String(error)));
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

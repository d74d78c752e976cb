/**
 * The main thread's side of the build's second thread (build-worker.ts): the check's
 * report as soon as it is ready, pages handed over as they are rendered, the search
 * index's summary at the end. Two cores work at once: Astro renders on this one, the
 * check and the search index run on the other (Pagefind in its own process).
 */
import { Worker } from 'node:worker_threads';
import type { IndexSummary } from '../search/build/build-index.ts';
import type { Problem } from '../check/problems.ts';

export interface BuildThreadOptions {
  readonly root: string;
  readonly cwd: string;
  readonly color: boolean;
}

export type ToBuildThread = { type: 'index' } | { type: 'page'; url: string; html: string } | { type: 'finish'; site: string };
export type FromBuildThread =
  | { type: 'checked'; report: string; errors: number; problems: readonly Problem[] }
  | { type: 'finished'; summary: IndexSummary }
  | { type: 'failed'; message: string };

export class BuildThread {
  /** The check's report and error count. */
  readonly checked: Promise<{ report: string; errors: number; problems: readonly Problem[] }>;
  private readonly worker: Worker;
  private finished: Promise<IndexSummary> | undefined;
  private readonly listeners = new Set<(message: FromBuildThread) => void>();
  /** The thread's first failure, kept for whoever waits next. */
  private failure: string | undefined;

  constructor(options: BuildThreadOptions) {
    this.worker = new Worker(new URL('./build-worker.ts', import.meta.url), { workerData: options });
    const dispatch = (message: FromBuildThread) => {
      if (message.type === 'failed') this.failure ??= message.message;
      [...this.listeners].forEach((listen) => listen(message));
    };
    this.worker.on('message', dispatch);
    this.worker.on('error', (error) => dispatch({ type: 'failed', message: String(error.stack ?? error) }));
    this.checked = this.next('checked').then((m) => ({ report: m.report, errors: m.errors, problems: m.problems }));
  }

  /** The next message of a type; rejects on a failure of the thread. */
  private next<T extends FromBuildThread['type']>(type: T): Promise<Extract<FromBuildThread, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.failure !== undefined) return reject(new Error(`The build's check and search thread failed:\n${this.failure}`));
      const listen = (message: FromBuildThread) => {
        if (message.type === type) resolve(message as Extract<FromBuildThread, { type: T }>);
        else if (message.type === 'failed') reject(new Error(`The build's check and search thread failed:\n${message.message}`));
        else return;
        this.listeners.delete(listen);
      };
      this.listeners.add(listen);
    });
  }

  /** Starts the search index (Pagefind) once the check has read the handbook. */
  startIndex(): void {
    this.worker.postMessage({ type: 'index' } satisfies ToBuildThread);
  }

  /** A built page (URL path without the site's base), for the search index. */
  page(url: string, html: string): void {
    this.worker.postMessage({ type: 'page', url, html } satisfies ToBuildThread);
  }

  /** Indexes what is left and writes <site>/pagefind/; the thread then ends. */
  async finish(site: string): Promise<IndexSummary> {
    this.finished ??= (async () => {
      const done = this.next('finished');
      this.worker.postMessage({ type: 'finish', site } satisfies ToBuildThread);
      const { summary } = await done;
      await this.worker.terminate();
      return summary;
    })();
    return this.finished;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The build's second thread (started by build-thread.ts): runs the content check
 * while Astro starts and syncs content, then builds the search index from the
 * pages the main thread renders (src/search/build/build-index.ts): reading each
 * page's text, tokenising it and feeding Pagefind (a process of its own) happen
 * here, beside the rendering, on the machine's other core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { loadContent } from '../check/load.ts';
import { langForLocale, toText } from '../check/report.ts';
import { SearchIndexer } from '../search/build/build-index.ts';
import type { Handbook } from '../domain/handbook.ts';
import type { FromBuildThread, ToBuildThread, BuildThreadOptions } from './build-thread.ts';

const options = workerData as BuildThreadOptions;
const port = parentPort!;
const send = (message: FromBuildThread) => port.postMessage(message);

async function check(): Promise<Handbook> {
  const { handbook, problems } = await loadContent(options.root);
  const displayRoot = path.relative(options.cwd, options.root).split(path.sep).join('/') || '.';
  const report = toText(problems, { lang: langForLocale(handbook.site.locale), displayRoot, color: options.color });
  // Until a build can write one site per audience, a handbook that declares audiences is not built at all:
  // one site for everyone would publish what only some of them may read (issue #26).
  const audiences = handbook.site.audiences?.length ?? 0;
  const refusal =
    audiences > 0
      ? '\nsite.yaml 声明了 audiences，但这个版本还不能按受众分别构建站点：构建停止，以免把仅部分人可见的内容发布给所有人。' +
        '\nsite.yaml declares audiences, but this version cannot yet build one site per audience: the build stops rather than publish restricted content to everyone.'
      : '';
  send({ type: 'checked', report: report + refusal, errors: problems.filter((p) => p.severity === 'error').length + (refusal ? 1 : 0), problems });
  return handbook;
}

const checked = check();
checked.catch((error: unknown) => send({ type: 'failed', message: String((error as Error)?.stack ?? error) }));
let indexer: Promise<SearchIndexer> | undefined;
/** Pages arrive in order; each waits for the indexer to have started. */
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (message: ToBuildThread) => {
  const step = async () => {
    if (message.type === 'index') {
      indexer = checked.then((handbook) => SearchIndexer.start(handbook));
      await indexer;
    } else if (message.type === 'page') {
      (await indexer!).addPage(message.url, message.html);
    } else if (message.type === 'finish') {
      const summary = await (await indexer!).finish(message.site);
      send({ type: 'finished', summary });
    }
  };
  queue = queue.then(step).catch((error: unknown) => send({ type: 'failed', message: String((error as Error)?.stack ?? error) }));
});

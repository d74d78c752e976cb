/**
 * What `astro dev` watches: the site's source (src/, public/, the config files) and the content
 * folder, not everything else under the project. Vite watches the whole project by default, and
 * a handbook's folder gathers much besides (built sites, exports, documents waiting to be imported,
 * benchmark folders): crawling thousands of such files delayed the server's start by seconds.
 */
import path from 'node:path';

/** The project's top-level entries the dev server reacts to (the design card fixes the top level). */
const WATCHED_TOP = new Set(['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']);

/** A chokidar `ignored` test: true for a path under the project that is neither site source nor content. */
export function outsideWatchScope(projectRoot: string, contentDir: string): (file: string) => boolean {
  const root = path.resolve(projectRoot);
  const content = path.resolve(contentDir);
  return (file) => {
    const full = path.resolve(root, file);
    // The content folder, and the folders on the way to it, stay watched wherever it is.
    if (full === content || full.startsWith(content + path.sep) || content.startsWith(full + path.sep)) return false;
    if (full === root || !full.startsWith(root + path.sep)) return false;
    const top = full.slice(root.length + 1).split(path.sep)[0]!;
    return !WATCHED_TOP.has(top);
  };
}

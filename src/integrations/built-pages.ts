/**
 * What `astro build` does to each page as it is rendered, instead of a pass over
 * dist/ afterwards: the HTML hardening (html-hardening.ts) and, for the pages
 * search indexes, handing the page to the search index (build-thread.ts), which reads
 * and indexes it on another thread while the next pages render. The build's middleware
 * (built-pages-middleware.ts) calls `page()` for every prerendered HTML response;
 * `finish()` hardens from disk any page that did not pass through it.
 *
 * The middleware is bundled into Astro's prerender chunk but runs in this process:
 * the integration hands it the collector through a global (Symbol.for), not an import.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hardenPage } from './html-hardening.ts';
import { decodedPath } from '../domain/urls.ts';

const KEY = Symbol.for('opsbook.built-pages');

/** /admin/ and below: the browser editor. */
export function isAdminPath(url: string): boolean {
  return url === '/admin/' || url.startsWith('/admin/');
}

/** The site path of a built HTML file: sops/x/index.html → /sops/x/, 404.html → /404.html. */
export function pagePath(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

export class BuiltPages {
  /** Pages that held an inline script of another origin (removed). */
  readonly foreign: string[] = [];
  private readonly seen = new Set<string>();
  private readonly base: string;
  private readonly onPage: ((url: string, html: string) => void) | undefined;

  /** `onPage` receives each hardened page (URL path without the base): the search index's feed. */
  constructor(base: string, onPage?: (url: string, html: string) => void) {
    this.base = base.endsWith('/') ? base : `${base}/`;
    this.onPage = onPage;
  }

  /** A path without the site's base: /handbook/sops/x/ → /sops/x/. */
  private withoutBase(pathname: string): string {
    const decoded = decodedPath(pathname);
    return decoded.startsWith(this.base) ? `/${decoded.slice(this.base.length)}` : decoded;
  }

  /** A rendered page: returns the HTML to write. */
  page(pathname: string, html: string): string {
    const url = this.withoutBase(pathname);
    this.seen.add(url);
    // The browser editor is its own application with its own policy (src/editor/admin-page.ts), not a handbook page: not hardened, not indexed.
    if (isAdminPath(url)) return html;
    const hardened = hardenPage(html);
    if (hardened.foreignScripts > 0) this.foreign.push(url);
    this.onPage?.(url, hardened.html);
    return hardened.html;
  }

  /** Hardens (and hands to the indexer) every HTML file of `dist` that was not rendered through `page()`. */
  async finish(dist: string): Promise<{ fromDisk: number }> {
    let fromDisk = 0;
    for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const relative = path.relative(dist, file);
      const url = pagePath(relative);
      if (this.seen.has(url) || relative.startsWith(`pagefind${path.sep}`)) continue;
      fromDisk++;
      const html = await readFile(file, 'utf8');
      const out = this.page(url, html);
      if (out !== html) await writeFile(file, out);
    }
    return { fromDisk };
  }
}

/** The collector of the running build, if any (undefined in `astro dev`). */
export function currentBuild(): BuiltPages | undefined {
  return (globalThis as Record<symbol, BuiltPages | undefined>)[KEY];
}

export function setCurrentBuild(pages: BuiltPages | undefined): void {
  (globalThis as Record<symbol, BuiltPages | undefined>)[KEY] = pages;
}

/**
 * `astro dev` serves an endpoint with a file extension in a route parameter only at its address plus a
 * slash (trailingSlash: 'always'; the build writes plain files). The editor's files are asked for as the
 * CMS names them (/admin/config.yml, /admin/cms/locales/zh-CN.json), so in dev those addresses get the
 * slash before Astro routes them.
 */
import type { ViteDevServer } from 'vite';

export function editorFileAddress(url: string, base: string): string | undefined {
  const [pathname, query = ''] = url.split('?', 2) as [string, string?];
  const prefix = `${base.replace(/\/?$/, '/')}admin/`;
  if (!pathname.startsWith(prefix) || !/\.[A-Za-z0-9]+$/.test(pathname)) return undefined;
  return `${pathname}/${query ? `?${query}` : ''}`;
}

export function serveEditorFilesInDev(server: ViteDevServer, base: string): void {
  server.middlewares.use((request, _response, next) => {
    const address = request.url ? editorFileAddress(request.url, base) : undefined;
    if (address) request.url = address;
    next();
  });
}

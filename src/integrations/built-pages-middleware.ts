/**
 * Build-time middleware (added by the opsbook integration for `astro build` only): every
 * prerendered HTML page goes through the build's collector (built-pages.ts) on its way to dist/.
 */
import { defineMiddleware } from 'astro:middleware';
import { currentBuild } from './built-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const build = currentBuild();
  if (!build || !context.isPrerendered || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = build.page(context.url.pathname, await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

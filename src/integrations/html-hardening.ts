/**
 * Hardening of built HTML for a site that may hold internal plans:
 * - a Content-Security-Policy meta tag allowing scripts only from the site
 *   itself and inline scripts by their SHA-256 hash (no third-party origin);
 * - links and sources with javascript: URLs are dropped (Markdown lets authors
 *   write them; nothing in a handbook needs them).
 * Pure string work on Astro's serialised output (attributes always double-quoted).
 */
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const NOT_EXECUTED = /\btype="(?!module"|text\/javascript"|application\/javascript")[^"]*"/;
const JAVASCRIPT_URL = /\s(href|src|action|formaction|xlink:href)="\s*javascript:[^"]*"/gi;

/** sha256 sources for every inline script the browser would run. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', code = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc="/.test(attributes) || NOT_EXECUTED.test(attributes)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    // Pagefind runs WebAssembly; nothing else is evaluated.
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.length ? ` ${scriptHashes.join(' ')}` : ''}`,
    // Layout uses style attributes (grid columns of the timeline and org chart).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function hardenHtml(html: string): string {
  const withoutJavascriptUrls = html.replace(JAVASCRIPT_URL, '');
  if (!/<head[^>]*>/i.test(withoutJavascriptUrls)) return withoutJavascriptUrls;
  const policy = contentSecurityPolicy(inlineScriptHashes(withoutJavascriptUrls));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  // The policy must come before the first script; right after <meta charset> when there is one.
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (charset.test(withoutJavascriptUrls)) return withoutJavascriptUrls.replace(charset, (tag) => `${tag}${meta}`);
  return withoutJavascriptUrls.replace(/<head[^>]*>/i, (tag) => `${tag}${meta}`);
}

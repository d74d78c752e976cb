/**
 * Hardening of built HTML for a site that may hold internal plans:
 * - a Content-Security-Policy meta tag: scripts only from the site's own files
 *   and Opsbook's own inline scripts, by the SHA-256 hash of their text as
 *   Opsbook wrote it (src/components/layout/inline-scripts.ts), never of
 *   whatever inline script a page contains; styles only from the site's
 *   stylesheets (no <style> element runs), style attributes allowed; no
 *   third-party origin except https images authors link;
 * - inline scripts that are not Opsbook's own are removed (the policy would
 *   block them anyway; a body cannot hold one, the guard removes it) and counted,
 *   so the build can say so;
 * - links and sources with javascript: URLs are dropped (a third net after the
 *   checker and the body guard).
 * Pure string work on Astro's serialised output (attributes always double-quoted).
 */
import { createHash } from 'node:crypto';
import { OWN_INLINE_SCRIPTS } from '../components/layout/inline-scripts.ts';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const NOT_EXECUTED = /\btype="(?!module"|text\/javascript"|application\/javascript")[^"]*"/;
const JAVASCRIPT_URL = /\s(href|src|action|formaction|xlink:href)="\s*javascript:[^"]*"/gi;

export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The hashes of Opsbook's own inline scripts: the only inline code the policy allows. */
export const OWN_SCRIPT_HASHES: readonly string[] = [...new Set(OWN_INLINE_SCRIPTS.map(scriptHash))].sort();

/** sha256 sources of every inline script in a page the browser would run (for tests and the foreign-script count). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', code = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc="/.test(attributes) || NOT_EXECUTED.test(attributes)) continue;
    hashes.add(scriptHash(code));
  }
  return [...hashes].sort();
}

export function contentSecurityPolicy(scriptHashes: readonly string[] = OWN_SCRIPT_HASHES): string {
  return [
    "default-src 'self'",
    // Pagefind runs WebAssembly; nothing else is evaluated.
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.length ? ` ${scriptHashes.join(' ')}` : ''}`,
    // Stylesheets are files of the site (build.inlineStylesheets: 'never'): no <style> element applies.
    "style-src 'self'",
    // Style attributes stay: the timeline and org chart place boxes with computed grid columns and
    // custom properties. Authors cannot write one (the checker refuses it, the body guard removes it).
    "style-src-attr 'unsafe-inline'",
    // Authors may show https images (the allowlist); data: for inline pictures and the site's own icons.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export interface Hardened {
  readonly html: string;
  /** Inline scripts that were not Opsbook's own, removed. */
  readonly foreignScripts: number;
}

export function hardenPage(html: string): Hardened {
  let foreignScripts = 0;
  const own = new Set(OWN_SCRIPT_HASHES);
  const withoutForeign = html.replace(SCRIPT, (whole, attributes: string, code: string) => {
    if (/\bsrc="/.test(attributes) || NOT_EXECUTED.test(attributes) || own.has(scriptHash(code))) return whole;
    foreignScripts++;
    return '';
  });
  const withoutJavascriptUrls = withoutForeign.replace(JAVASCRIPT_URL, '');
  if (!/<head[^>]*>/i.test(withoutJavascriptUrls)) return { html: withoutJavascriptUrls, foreignScripts };
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`;
  // The policy must come before the first script; right after <meta charset> when there is one.
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  const out = charset.test(withoutJavascriptUrls)
    ? withoutJavascriptUrls.replace(charset, (tag) => `${tag}${meta}`)
    : withoutJavascriptUrls.replace(/<head[^>]*>/i, (tag) => `${tag}${meta}`);
  return { html: out, foreignScripts };
}

export function hardenHtml(html: string): string {
  return hardenPage(html).html;
}

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

/**
 * The page read as markup: a script element, a comment, any other tag with its quoted attribute values
 * taken whole, or text. Only a script token is a script: `<script>` written inside an attribute value
 * (where HTML leaves "<" unescaped, e.g. a title holding an author's text) is part of its tag.
 */
const TOKENS = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>|<!--[\s\S]*?-->|<\/?[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

function* scripts(html: string): Generator<{ whole: string; attributes: string; code: string; index: number }> {
  for (const match of html.matchAll(TOKENS)) {
    if (match[2] !== undefined) yield { whole: match[0], attributes: match[1] ?? '', code: match[2], index: match.index };
  }
}
/** Data blocks, which no browser runs. Any other type (module, text/ecmascript, "", …) counts as code. */
const NOT_EXECUTED = /\btype="application\/(?:ld\+)?json"/i;
const JAVASCRIPT_URL = /\s(href|src|action|formaction|xlink:href)="\s*javascript:[^"]*"/gi;

export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The hashes of Opsbook's own inline scripts: the only inline code the policy allows. */
export const OWN_SCRIPT_HASHES: readonly string[] = [...new Set(OWN_INLINE_SCRIPTS.map(scriptHash))].sort();

/** sha256 sources of every inline script in a page the browser would run (for tests and the foreign-script count). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const { attributes, code } of scripts(html)) {
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
  let withoutForeign = '';
  let from = 0;
  for (const { whole, attributes, code, index } of scripts(html)) {
    if (/\bsrc="/.test(attributes) || NOT_EXECUTED.test(attributes) || own.has(scriptHash(code))) continue;
    foreignScripts++;
    withoutForeign += html.slice(from, index);
    from = index + whole.length;
  }
  withoutForeign += html.slice(from);
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

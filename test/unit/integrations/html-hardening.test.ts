import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, hardenHtml, hardenPage, inlineScriptHashes, OWN_SCRIPT_HASHES } from '../../../src/integrations/html-hardening.ts';
import { SCHEME_TOGGLE_SCRIPT, THEME_SCRIPT } from '../../../src/components/layout/inline-scripts.ts';

const sha = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

describe('hardenHtml', () => {
  const page = `<html><head><meta charset="utf-8"><script>${THEME_SCRIPT}</script><script>window.pwned=1</script><script type="module">go()</script><script type="application/json">{"x":1}</script><script type="module" src="/_astro/x.js"></script></head><body><a href="javascript:alert(1)">x</a><a href="/ok/">ok</a><a href=" JavaScript:void(0)">y</a><script>${SCHEME_TOGGLE_SCRIPT}</script></body></html>`;
  const { html: out, foreignScripts } = hardenPage(page);
  const policy = /content="([^"]+)"/.exec(out)![1]!;
  const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

  it("allows Opsbook's own inline scripts by hash, computed from their source, not from the page", () => {
    expect(OWN_SCRIPT_HASHES).toEqual([sha(THEME_SCRIPT), sha(SCHEME_TOGGLE_SCRIPT)].sort());
    expect(directive('script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${OWN_SCRIPT_HASHES.join(' ')}`);
    expect(policy).not.toContain(sha('window.pwned=1'));
    expect(policy).not.toContain(sha('go()'));
  });

  it('removes every other inline script that would run, and counts it; keeps files and data', () => {
    expect(foreignScripts).toBe(2);
    expect(out).not.toContain('window.pwned');
    expect(out).not.toContain('go()');
    expect(out).toContain('<script type="application/json">{"x":1}</script>');
    expect(out).toContain('<script type="module" src="/_astro/x.js"></script>');
    expect(inlineScriptHashes(out)).toEqual(OWN_SCRIPT_HASHES);
  });

  it('puts the policy right after the charset, before any script', () => {
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(out.indexOf('<script'));
  });

  it("allows no inline script or <style> element beyond the site's own, and no other origin but https images", () => {
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(directive('style-src')).toBe("style-src 'self'");
    expect(directive('style-src-attr')).toBe("style-src-attr 'unsafe-inline'");
    expect(directive('img-src')).toBe("img-src 'self' data: https:");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-src')).toBe("frame-src 'none'");
    expect(contentSecurityPolicy().replace("img-src 'self' data: https:", '')).not.toMatch(/https?:/);
  });

  it('drops javascript: URLs and keeps other links', () => {
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain('<a href="/ok/">ok</a>');
    expect(out).toContain('<a>x</a>');
    expect(hardenHtml('<p><a href="javascript:x">a</a></p>')).toBe('<p><a>a</a></p>');
  });
});

describe('what counts as a script', () => {
  it('is any script with a type a browser may run; only JSON data blocks are not', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><script type="text/ecmascript">a()</script><script type="">b()</script><script type="application/ld+json">{}</script></body></html>`;
    const { html: out, foreignScripts } = hardenPage(html);
    expect(foreignScripts).toBe(2);
    expect(out).not.toMatch(/a\(\)|b\(\)/);
    expect(out).toContain('<script type="application/ld+json">{}</script>');
  });

  it('is a script element, not "<script>" inside an attribute value or a comment', () => {
    const html = `<html><head><meta charset="utf-8"><meta name="description" content="手册<script>alert(1)</script>"><!-- <script>x()</script> --></head><body><p title='<script>alert(2)</script>'>t</p></body></html>`;
    const { html: out, foreignScripts } = hardenPage(html);
    expect(foreignScripts).toBe(0);
    expect(inlineScriptHashes(html)).toEqual([]);
    expect(out).toContain('content="手册<script>alert(1)</script>"');
    expect(out).toContain(`title='<script>alert(2)</script>'`);
  });
});

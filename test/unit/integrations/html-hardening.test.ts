import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hardenHtml, inlineScriptHashes } from '../../../src/integrations/html-hardening.ts';

const sha = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

describe('hardenHtml', () => {
  const page = '<html><head><meta charset="utf-8"><script>var a=1</script><script type="module">go()</script><script type="application/json">{"x":1}</script><script type="module" src="/_astro/x.js"></script></head><body><a href="javascript:alert(1)">x</a><a href="/ok/">ok</a><a href=" JavaScript:void(0)">y</a></body></html>';
  const out = hardenHtml(page);

  it('hashes exactly the inline scripts that run', () => {
    expect(inlineScriptHashes(page)).toEqual([sha('var a=1'), sha('go()')].sort());
  });

  it('puts the policy right after the charset, before any script', () => {
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(out.indexOf('<script'));
    expect(out).toContain(`script-src 'self' 'wasm-unsafe-eval' ${[sha('var a=1'), sha('go()')].sort().join(' ')}`);
    expect(out).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe-inline/);
    expect(out).not.toMatch(/https?:\/\//);
  });

  it('drops javascript: URLs and keeps other links', () => {
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain('<a href="/ok/">ok</a>');
    expect(out).toContain('<a>x</a>');
  });
});

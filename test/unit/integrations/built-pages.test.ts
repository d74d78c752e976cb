/** Pages hardened and handed to the search index as the build renders them (src/integrations/built-pages.ts). */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuiltPages, pagePath } from '../../../src/integrations/built-pages.ts';

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('pagePath', () => {
  it('turns a built file into the path of its page', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath(path.join('sops', 'a', 'index.html'))).toBe('/sops/a/');
    expect(pagePath('404.html')).toBe('/404.html');
  });
});

describe('BuiltPages', () => {
  it('hardens each page, counts foreign inline scripts and hands the page, without the base, to the index', () => {
    const seen: [string, string][] = [];
    const pages = new BuiltPages('/handbook/', (url, html) => seen.push([url, html]));
    const out = pages.page('/handbook/sops/%E7%9B%B4%E9%80%9A%E8%BD%A6/', page('<script>alert(1)</script><a href="javascript:alert(1)">x</a>'));
    expect(out).toContain('Content-Security-Policy');
    expect(out).not.toContain('alert(1)');
    expect(seen).toEqual([['/sops/直通车/', out]]);
    expect(pages.foreign).toEqual(['/sops/直通车/']);
  });

  it('hardens, after the build, the pages that did not pass through it, and only those', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'opsbook-built-'));
    mkdirSync(path.join(dist, 'sops', 'a'), { recursive: true });
    mkdirSync(path.join(dist, 'pagefind'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), 'already written');
    writeFileSync(path.join(dist, 'sops', 'a', 'index.html'), page('<p>a</p>'));
    writeFileSync(path.join(dist, 'pagefind', 'x.html'), page('<p>Pagefind’s own</p>'));
    const seen: string[] = [];
    const pages = new BuiltPages('/', (url) => seen.push(url));
    pages.page('/', page('<p>home</p>'));
    expect(await pages.finish(dist)).toEqual({ fromDisk: 1 });
    expect(readFileSync(path.join(dist, 'sops', 'a', 'index.html'), 'utf8')).toContain('Content-Security-Policy');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('already written');
    expect(readFileSync(path.join(dist, 'pagefind', 'x.html'), 'utf8')).not.toContain('Content-Security-Policy');
    expect(seen).toEqual(['/', '/sops/a/']);
  });
});

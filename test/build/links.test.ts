/** A link check over the built sample: no broken internal link or anchor, every page titled, every image described. */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from './helpers.ts';

const dist = inject('sampleDist');
const pages = htmlFiles(dist).filter((file) => !file.includes(`${path.sep}pagefind${path.sep}`));
const html = new Map(pages.map((file) => [file, readFileSync(file, 'utf8')]));

/** The file a site-absolute or relative URL points at, or undefined for another origin. */
function target(from: string, href: string): { file: string; hash: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const url = new URL(href, `http://site${path.posix.join('/', path.relative(dist, from).split(path.sep).join('/'))}`);
  let file = path.join(dist, decodeURIComponent(url.pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return { file, hash: decodeURIComponent(url.hash.slice(1)) };
}

const ids = (source: string) => new Set([...source.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));

describe('links in the built sample', () => {
  it('has pages to check', () => expect(pages.length).toBeGreaterThan(40));

  it('has no broken internal link or anchor', () => {
    const broken: string[] = [];
    for (const [file, source] of html) {
      for (const match of source.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
        const href = match[1]!.replace(/&amp;/g, '&');
        const resolved = target(file, href);
        if (!resolved) continue;
        const where = `${path.relative(dist, file)} → ${href}`;
        if (!existsSync(resolved.file)) {
          broken.push(`${where} (no such page)`);
          continue;
        }
        if (resolved.hash && resolved.file.endsWith('.html')) {
          const targetSource = html.get(resolved.file) ?? readFileSync(resolved.file, 'utf8');
          if (!ids(targetSource).has(resolved.hash)) broken.push(`${where} (no #${resolved.hash})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives every page a title', () => {
    for (const [file, source] of html) expect(/<title>\s*[^<\s][^<]*<\/title>/.test(source), path.relative(dist, file)).toBe(true);
  });

  it('gives every image alt text', () => {
    for (const [file, source] of html) {
      for (const img of source.match(/<img\b[^>]*>/g) ?? []) expect(img, path.relative(dist, file)).toMatch(/\salt="[^"]*"/);
    }
  });
});

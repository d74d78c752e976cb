/** Glossary links in the built sample: every one lands on its entry, with its tooltip, and bodies use many terms. */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles, page } from './helpers.ts';

const dist = inject('sampleDist');
const glossaryHtml = page(dist, 'glossary');
const glossaryIds = new Set([...glossaryHtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

interface TermLink {
  readonly page: string;
  readonly href: string;
  readonly describedBy: string;
  readonly text: string;
}

/** The a.term links of a page (the plugin writes their attributes in this order). */
function termLinks(rel: string, html: string): TermLink[] {
  return [...html.matchAll(/<a class="term" href="([^"]+)" aria-describedby="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({
    page: rel,
    href: m[1]!,
    describedBy: m[2]!,
    text: m[3]!,
  }));
}

const pages = htmlFiles(dist).map((file) => {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  const html = readFileSync(file, 'utf8');
  return { rel, html, links: termLinks(rel, html) };
});
const all = pages.flatMap((p) => p.links);
const bodyPages = pages.filter((p) => /^(roles|sops)\/[^/]+\/index\.html$/.test(p.rel));

describe('glossary links in the built sample', () => {
  it('are many, on role and SOP pages, in .md and .mdx bodies', () => {
    const onBodies = bodyPages.flatMap((p) => p.links);
    const perKind = (kind: string) => onBodies.filter((l) => l.page.startsWith(kind)).length;
    console.log(
      `glossary links: ${all.length} in all; roles ${perKind('roles/')}, SOPs ${perKind('sops/')}, plans ${all.filter((l) => l.page.startsWith('plans/')).length}`,
    );
    expect(onBodies.length).toBeGreaterThanOrEqual(30);
    expect(perKind('roles/')).toBeGreaterThanOrEqual(10);
    expect(perKind('sops/')).toBeGreaterThanOrEqual(15);
    expect(termLinks('sops/standard-answers', page(dist, 'sops/standard-answers')).length, 'the MDX SOP').toBeGreaterThan(0);
  });

  it('each resolve to an entry of the glossary page', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const link of all) {
      const url = new URL(link.href, `http://x/${link.page}`);
      expect(url.pathname, `${link.page}: ${link.href}`).toBe('/glossary/');
      const id = decodeURIComponent(url.hash.slice(1));
      expect(glossaryIds.has(id), `${link.page}: ${link.href} (no id="${id}" on the glossary page)`).toBe(true);
    }
  });

  it('each have their own tooltip, ignored by search, and ids are unique on a page', () => {
    for (const { rel, html, links } of pages.filter((p) => p.links.length > 0)) {
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size, `${rel} repeats an id`).toBe(ids.length);
      for (const link of links) {
        const tip = html.match(new RegExp(`<span class="term-tip" role="tooltip" id="${link.describedBy}" data-pagefind-ignore(?:="")?>(.+?)</span></span>`));
        expect(tip, `${rel}: tooltip of ${link.text}`).not.toBeNull();
        expect(tip![1]!.length).toBeGreaterThan(link.text.length);
      }
    }
  });

  it('link a term once per page at most', () => {
    for (const { rel, links } of bodyPages) {
      const hrefs = links.map((l) => l.href);
      expect(new Set(hrefs).size, rel).toBe(hrefs.length);
    }
  });

  it('link the first use in a body, not front-matter fields or headings', () => {
    const html = page(dist, 'roles/presales-cs');
    // 网店管家 is a tool of the role (a field) and is used in the body's tips: only the body's use is an a.term.
    expect(termLinks('roles/presales-cs', html).map((l) => l.text)).toContain('网店管家');
    expect(html).not.toMatch(/<h[1-6][^>]*>[^<]*<span class="term-ref">/);
  });

  it('use the glossary page anchors that the glossary index uses', () => {
    const index = [...glossaryHtml.matchAll(/<a href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(index.length).toBeGreaterThan(30);
    for (const anchor of index) expect(glossaryIds.has(anchor), anchor).toBe(true);
  });

  it('are listed back on the glossary page: "used in" names exactly the role, SOP and plan pages that link to the term', () => {
    const listed = new Set<string>();
    for (const [, id, section] of glossaryHtml.matchAll(/<section class="term" id="([^"]+)">([\s\S]*?)<\/section>/g)) {
      const usedIn = section!.match(/<p class="used-in">([\s\S]*?)<\/p>/)?.[1] ?? '';
      for (const [, href] of usedIn.matchAll(/<a href="([^"]+)"/g)) listed.add(`${href}#${id}`);
    }
    const linked = new Set(
      pages
        .filter((p) => /^(roles|sops|plans)\/[^/]+\/index\.html$/.test(p.rel))
        .flatMap((p) => p.links.map((l) => `/${p.rel.replace(/index\.html$/, '')}#${decodeURIComponent(new URL(l.href, 'http://x/').hash.slice(1))}`)),
    );
    expect(listed.size).toBeGreaterThan(20);
    expect([...listed].sort()).toEqual([...linked].sort());
  });
});

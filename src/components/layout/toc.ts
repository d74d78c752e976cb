/**
 * 本页目录: the page's h2 sections, read from its rendered HTML at build time.
 * Headings without an id get one from their text (unique on the page), so every
 * section can be linked to and tracked; no JavaScript builds the list.
 */
export interface TocEntry {
  readonly id: string;
  /** The heading's text as HTML (tags removed, entities kept). */
  readonly html: string;
}

/** A page gets a contents list from this many sections up. */
export const TOC_MIN_SECTIONS = 3;

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/g;
const ID = /\sid="([^"]*)"/;

const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** An id from a heading's text: spaces to hyphens, characters that need escaping in a URL fragment or attribute dropped. */
export function slugFor(text: string): string {
  const slug = text
    .replace(/&[a-z]+;|&#\d+;/gi, '')
    .replace(/[\s/]+/g, '-')
    .replace(/["'<>`#%?&()[\]{}，。、：；！？（）【】「」『』·]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return slug || 'section';
}

/** The sections of a page and its HTML with an id on every h2. */
export function sectionsOf(html: string): { html: string; toc: TocEntry[] } {
  const taken = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
  const toc: TocEntry[] = [];
  const out = html.replace(H2, (whole, attrs: string, inner: string) => {
    const label = textOf(inner);
    if (!label) return whole;
    const existing = ID.exec(attrs)?.[1];
    if (existing) {
      toc.push({ id: existing, html: label });
      return whole;
    }
    const base = slugFor(label);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    toc.push({ id, html: label });
    return `<h2${attrs} id="${id}">${inner}</h2>`;
  });
  return { html: out, toc };
}

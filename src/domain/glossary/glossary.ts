/** Glossary lookups: a stable in-page anchor per term, and finding a term by any of its spellings. */
import type { GlossaryTermData } from '../../schema/collections.ts';

/**
 * The anchor (HTML id, URL fragment) of a term: the term itself, trimmed, with
 * runs of white space as '-' and URL-significant characters dropped, so that
 * /glossary/#直通车 and /glossary/#Taobao-SEO work as links.
 */
export function termAnchor(term: string): string {
  const anchor = term
    .normalize('NFC')
    .trim()
    .replace(/[#%?&/\\"'<>`]/g, '')
    .replace(/\s+/g, '-');
  return anchor || 'term';
}

/** Anchors for every term, made unique with -2, -3… should two terms give the same anchor. */
export function termAnchors(glossary: readonly GlossaryTermData[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const { term } of glossary) {
    if (out.has(term)) continue;
    const base = termAnchor(term);
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    out.set(term, anchor);
  }
  return out;
}

/**
 * The term a name refers to: the term itself or one of its aliases, ignoring
 * case and surrounding spaces. `fold` may add more folding (Traditional/Simplified).
 */
export function findTerm(name: string, glossary: readonly GlossaryTermData[], fold: (text: string) => string = (s) => s): GlossaryTermData | undefined {
  const key = (s: string) => fold(s.trim()).toLowerCase();
  const wanted = key(name);
  return glossary.find((t) => key(t.term) === wanted) ?? glossary.find((t) => t.aliases.some((alias) => key(alias) === wanted));
}

/**
 * Terms in the reader's collation (CLDR): pinyin for zh-CN, stroke order for
 * zh-TW, Han after Latin for en. Does not change the input.
 */
export function sortedTerms(glossary: readonly GlossaryTermData[], locale: string): GlossaryTermData[] {
  const collator = new Intl.Collator(locale);
  return [...glossary].sort((a, b) => collator.compare(a.term, b.term));
}

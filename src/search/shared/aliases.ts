/**
 * Glossary spellings at query time: which terms a query names (PPC, 直通車,
 * "Taobao ads" all name 直通车), so that the term's entry comes first and the
 * pages using it follow.
 */
import { fold, nameKey, parts } from './text.ts';

/** A glossary term as the search UI gets it (opsbook-terms.json beside the index). */
export interface TermEntry {
  readonly term: string;
  /** Its entry on the glossary page, without the site's base. */
  readonly url: string;
  /** The term and its aliases, as written. */
  readonly spellings: readonly string[];
  /** Its spellings' pinyin and initials (zhitongche, ztc): typed exactly, they name the term. */
  readonly keys?: readonly string[];
}

/** At most this many terms are taken as named by a partial (word-subset) match; more is too vague. */
export const MAX_NAMED = 3;

function words(text: string): string[] {
  return parts(fold(text))
    .filter((p) => p.kind === 'word')
    .map((p) => p.text);
}

/** A term's spellings as name keys and words, folded once per term (opencc is the slow part of a query). */
const folded = new WeakMap<TermEntry, { keys: Set<string>; words: string[][] }>();
function spellingsOf(term: TermEntry) {
  let f = folded.get(term);
  if (!f) {
    f = { keys: new Set([...term.spellings, ...(term.keys ?? [])].map(nameKey)), words: term.spellings.map(words) };
    folded.set(term, f);
  }
  return f;
}

/**
 * The terms a query names: those with a spelling equal to the query (folded,
 * ignoring spaces and punctuation); failing that, for a query of Latin words
 * only, the terms with a spelling holding every query word (the last one may be
 * unfinished), when there are at most MAX_NAMED of them.
 */
export function namedTerms(query: string, terms: readonly TermEntry[]): TermEntry[] {
  const key = nameKey(query);
  if (!key) return [];
  const exact = terms.filter((t) => spellingsOf(t).keys.has(key));
  if (exact.length) return exact;
  const queryParts = parts(fold(query));
  if (queryParts.some((p) => p.kind === 'cjk')) return [];
  const wanted = queryParts.map((p) => p.text);
  const last = wanted.length - 1;
  const holds = (have: readonly string[]) => wanted.every((w, i) => have.some((h) => h === w || (i === last && w.length >= 2 && h.startsWith(w))));
  const partial = terms.filter((t) => spellingsOf(t).words.some(holds));
  return partial.length <= MAX_NAMED ? partial : [];
}

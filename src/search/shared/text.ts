/**
 * How search sees text, the same at index time (Node) and at query time (the
 * browser): one module, so the two cannot drift apart.
 *
 * - fold: NFKC (full-width letters and digits), Traditional → Simplified with
 *   opencc-js (its `tw → cn` chain, phrase-level), lower case. 運營 and 运营
 *   fold to the same string.
 * - tokens: Chinese (and Japanese, Korean) runs become overlapping character
 *   bigrams (运营总监 → 运营 营总 总监), a one-character run stays itself;
 *   Latin/digit words stay words. Bigrams, unlike dictionary words, do not
 *   depend on how a segmenter cut the surrounding sentence: any two adjacent
 *   characters of the page are a token, so any 2-character query is found, and
 *   a longer one is the exact phrase of its bigrams. This is what fixes
 *   Pagefind issues #1237 and #987 (index-time and query-time segmenters disagree).
 * - keys: one opaque token per exact name (an SOP's title, a term and each
 *   alias), so that a query equal to a name finds that entry first. Keys start
 *   with a Traditional character that folding never produces, so no typed
 *   query can reach them but the name's own.
 *
 * Pure apart from opencc-js (loaded with its Traditional → Simplified tables only).
 */
import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import fromTw from 'opencc-js/from/tw';
import toCn from 'opencc-js/to/cn';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/**
 * opencc-js's `tw → cn` converter, exactly as its t2cn preset builds it (the tw2s chain), built from
 * only the dictionaries that chain uses, so the browser does not download the Hong Kong and Japanese ones.
 */
const TW_TO_CN: LocalePreset = {
  from: { tw: fromTw },
  to: { cn: toCn },
  configs: {
    tw2s: {
      normalizationChain: [[CJKCompatibility]],
      segmentation: [TSPhrases],
      conversionChain: [
        [TWVariantsRevPhrases, TWVariantsRev],
        [TSPhrases, TSCharacters],
      ],
    } as NonNullable<LocalePreset['configs']>[string],
  },
};
const toSimplified = ConverterBuilder(TW_TO_CN)({ from: 'tw', to: 'cn' });

/** The spelling-insensitive form of a text: NFKC, Simplified script, lower case. Keeps length in the common case. */
export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** Scripts written without spaces between words: indexed as bigrams. */
const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u30FC]';
export const CJK = new RegExp(CJK_CLASS, 'u');
/** A CJK run, or a run of other letters and digits (a word). */
const PART = new RegExp(`(${CJK_CLASS}+)|((?:(?!${CJK_CLASS})[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

export type Part = { readonly kind: 'cjk'; readonly text: string } | { readonly kind: 'word'; readonly text: string };

/** The runs of an already folded text: CJK runs and words; everything else (spaces, punctuation) separates. */
export function parts(folded: string): Part[] {
  const out: Part[] = [];
  for (const m of folded.matchAll(PART)) out.push(m[1] ? { kind: 'cjk', text: m[1] } : { kind: 'word', text: m[2]! });
  return out;
}

/** Overlapping character pairs of a run; a one-character run is its own token. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function partTokens(part: Part): string[] {
  return part.kind === 'cjk' ? bigrams(part.text) : [part.text];
}

/** The tokens Pagefind indexes for a text, space-separated, in reading order. */
export function indexTokens(text: string): string {
  return parts(fold(text)).flatMap(partTokens).join(' ');
}

/** The name of an entry as a query would write it: folded, letters and digits only. */
export function nameKey(name: string): string {
  return parts(fold(name))
    .map((p) => p.text)
    .join('');
}

/** cyrb53: a fast 53-bit string hash (public domain), as base 36. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * 鍵 (Traditional for 键): folding turns any typed 鍵 into 键, so no folded word holds it and no query
 * word but a single character is a prefix of a name key.
 */
const NAME_KEY_PREFIX = '鍵';
/** 術 (Traditional for 术): the token a page carries once for every use of a glossary term. */
const TERM_USE_PREFIX = '術';

/**
 * Pagefind keeps its index in chunks of alphabetically sorted words, so a special token is best
 * placed beside the words a query for its name fetches anyway.
 * - A term's use tokens (a few per term) follow its first token: 直通術… lies in the chunk of 直通.
 * - A name key (one per title) follows only the name's first character: 直鍵…. Pagefind matches
 *   query words by prefix, so keys after 直通 would be read by every query for 直通, and for a
 *   common bigram they would spread its words over several chunks, each one more request.
 */
function lead(name: string): string {
  const first = parts(fold(name))[0];
  return first ? (first.kind === 'cjk' ? bigrams(first.text)[0]! : first.text) : '';
}
const firstCharacter = (name: string) => [...lead(name)][0] ?? '';

/** The index token of an exact name, or undefined for a name with no letters or digits. */
export function nameToken(name: string): string | undefined {
  const key = nameKey(name);
  return key ? firstCharacter(name) + NAME_KEY_PREFIX + hash53(key) : undefined;
}

/** The index token that marks a use of a glossary term (any of its spellings). */
export function termUseToken(term: string): string {
  return lead(term) + TERM_USE_PREFIX + hash53(nameKey(term) || term);
}

/** A query, ready for Pagefind. */
export interface QueryPlan {
  /** The folded runs and words of the query. */
  readonly parts: readonly Part[];
  /**
   * The tokens Pagefind's AND ranks the results by, space-separated (a common bigram inside a phrase
   * is left out: see commonBigrams). Empty when the query has no letters.
   */
  readonly main: string;
  /** One quoted phrase per CJK run of 3+ characters: the pages must hold it contiguously. */
  readonly phrases: readonly string[];
  /** The name key of the whole query (see nameToken). */
  readonly nameToken?: string;
}

/**
 * Pagefind scores every page that holds a query token, so a bigram found in most pages (大促 in a
 * handbook of promotion SOPs) makes a query slow while it adds almost nothing to the ranking (its
 * inverse document frequency is near 0). Inside a phrase such a bigram can be left out of the
 * ranking search: the phrase search still requires it, so the results are the same pages.
 */
export const COMMON_BIGRAM = {
  /** In at least this share of the records… */
  share: 0.25,
  /** …and of at least this many: a small handbook searches fast and ranks by every bigram. */
  minRecords: 250,
} as const;

/** The bigrams common enough to leave out of ranking, from how many records hold each (sorted). */
export function commonBigrams(recordsHolding: ReadonlyMap<string, number>, records: number): string[] {
  const min = Math.max(COMMON_BIGRAM.minRecords, Math.ceil(records * COMMON_BIGRAM.share));
  return [...recordsHolding]
    .filter(([token, n]) => n >= min && CJK.test(token) && [...token].length === 2)
    .map(([token]) => token)
    .sort();
}

/** A run's tokens for the ranking search: its bigrams less the common ones, unless that leaves none. */
function rankingTokens(part: Part, common: ReadonlySet<string>): string[] {
  const tokens = partTokens(part);
  if (part.kind !== 'cjk' || tokens.length < 2 || !common.size) return tokens;
  const rare = tokens.filter((t) => !common.has(t));
  return rare.length ? rare : tokens;
}

/** `common`: bigrams to leave out of ranking inside a phrase (see commonBigrams). */
export function planQuery(query: string, common: ReadonlySet<string> = new Set()): QueryPlan {
  const ps = parts(fold(query));
  const main = ps.flatMap((p) => rankingTokens(p, common)).join(' ');
  const phrases = ps.filter((p) => p.kind === 'cjk' && [...p.text].length >= 3).map((p) => `"${bigrams(p.text).join(' ')}"`);
  return { parts: ps, main, phrases, nameToken: nameToken(query) };
}

/**
 * The recall/precision measure of Chinese search: every distinct 2- to
 * 4-character Chinese word of a site's indexed text (cut by Intl.Segmenter,
 * plus the glossary's terms) is a query; the pages it should return are those
 * whose indexed text holds the word; the pages it does return are compared with
 * them. Pure: the search itself is done elsewhere (real Chromium in the tests).
 */

/** A page's indexed text, under the page's address (without #fragment). */
export interface MeasuredPage {
  readonly page: string;
  readonly text: string;
}

const CHINESE_WORD = /^\p{Script=Han}{2,4}$/u;

/** The distinct 2–4-character Chinese words of `texts` (Intl.Segmenter, word granularity) and of `extra`, sorted. */
export function measureWords(texts: readonly string[], extra: readonly string[] = [], locale = 'zh-CN'): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = new Set<string>();
  for (const text of texts) {
    for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike && CHINESE_WORD.test(segment)) words.add(segment);
  }
  for (const word of extra) if (CHINESE_WORD.test(word)) words.add(word);
  return [...words].sort();
}

/** The page of a result address: the path without its #fragment (a glossary entry belongs to the glossary page). */
export function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return decodeURI(hash >= 0 ? url.slice(0, hash) : url);
}

/** Pages whose text holds the word, both compared after `normalise` (e.g. Traditional → Simplified folding). */
export function expectedPages(word: string, pages: readonly MeasuredPage[], normalise: (text: string) => string = (s) => s): Set<string> {
  const wanted = normalise(word);
  const out = new Set<string>();
  for (const p of pages) if (normalise(p.text).includes(wanted)) out.add(p.page);
  return out;
}

export interface QueryScore {
  readonly word: string;
  readonly expected: number;
  readonly returned: number;
  /** Returned and expected. */
  readonly found: number;
}

export function scoreQuery(word: string, expected: ReadonlySet<string>, returned: ReadonlySet<string>): QueryScore {
  let found = 0;
  for (const page of returned) if (expected.has(page)) found++;
  return { word, expected: expected.size, returned: returned.size, found };
}

export interface Summary {
  readonly queries: number;
  /** Found ÷ expected, over all queries (micro-average). */
  readonly recall: number;
  /** Found ÷ returned, over all queries (micro-average). */
  readonly precision: number;
  /** Queries that returned exactly the expected pages. */
  readonly exact: number;
  /** The queries that lost the most expected pages. */
  readonly worst: readonly QueryScore[];
}

export function summarise(scores: readonly QueryScore[], worst = 10): Summary {
  const sum = (f: (s: QueryScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const expected = sum((s) => s.expected);
  const returned = sum((s) => s.returned);
  const found = sum((s) => s.found);
  return {
    queries: scores.length,
    recall: expected ? found / expected : 1,
    precision: returned ? found / returned : 1,
    exact: scores.filter((s) => s.found === s.expected && s.returned === s.expected).length,
    worst: [...scores].sort((a, b) => b.expected - b.found - (a.expected - a.found) || b.returned - b.found - (a.returned - a.found)).slice(0, worst),
  };
}

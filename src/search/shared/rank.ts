/**
 * A ranked list from the searches of a query's tokens, one search per token (src/search/client/engine.ts
 * runs them for its relaxed tier; this ranks, pure, so it is tested without a browser).
 *
 * - A page holds a word when it holds all the word's tokens (bigrams overlap, so a 3+ character
 *   word is spelt out), or uses the glossary term the word names in any spelling. Tokens found
 *   nowhere are dropped from their word (a joined character that made a non-word: 快递选 → 快递);
 *   a word no page holds falls back to its dictionary core (例会讲 → 例会).
 * - Each word weighs its inverse document frequency (BM25's idf): rare words count more.
 * - Tiers: pages holding every phrase of the query (its runs of words as typed) and every word;
 *   then every word in any order; then pages covering at least half the query's weight (the
 *   rarer words), by coverage. Within a tier, by the sum of Pagefind's scores of the held tokens,
 *   which carry the field weights (title > term and alias > steps > body) and term frequency.
 */
import type { Part } from './text.ts';
import type { QueryWord } from './text.ts';

/** A page needs at least this share of the query's weight (idf) to be listed. */
export const MIN_COVERAGE = 0.5;

interface Scored {
  readonly id: string;
  readonly score: number;
}

export interface RankInput<R extends Scored> {
  readonly words: readonly QueryWord[];
  /** Per word, the glossary terms it names (their pages count as holding the word). */
  readonly wordTerms: readonly (readonly string[])[];
  /** Each token's results. */
  readonly byToken: ReadonlyMap<string, ReadonlyMap<string, R>>;
  /** Each named term's uses. */
  readonly byTerm: ReadonlyMap<string, ReadonlyMap<string, R>>;
  /** Each phrase's results. */
  readonly phrases: readonly ReadonlyMap<string, R>[];
  /** Records in the index (for idf); 0 when unknown. */
  readonly records: number;
}

export interface Ranking<R extends Scored> {
  /** Listed results, best first. */
  readonly ranked: readonly R[];
  /** Every page holding a word, listed or not. */
  readonly found: ReadonlyMap<string, R>;
  /** What to mark in results: the words (or the tokens of them) that pages hold. */
  readonly marks: readonly string[];
}

export function idf(df: number, records: number): number {
  const n = Math.max(records, df);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Pages holding all of `tokens` (those found somewhere), with their summed score; `used` are the tokens kept. */
function holding<R extends Scored>(tokens: readonly string[], byToken: RankInput<R>['byToken']) {
  const used = tokens.filter((t) => (byToken.get(t)?.size ?? 0) > 0);
  const pages = new Map<string, number>();
  if (!used.length) return { used, pages };
  const [first, ...rest] = used.map((t) => byToken.get(t)!).sort((a, b) => a.size - b.size);
  for (const [id, r] of first!) {
    let score = r.score;
    let all = true;
    for (const m of rest) {
      const other = m.get(id);
      if (!other) {
        all = false;
        break;
      }
      score += other.score;
    }
    if (all) pages.set(id, score);
  }
  return { used, pages };
}

export function rankPages<R extends Scored>(input: RankInput<R>): Ranking<R> {
  const { byToken, byTerm } = input;
  const found = new Map<string, R>();
  for (const m of [...byToken.values(), ...byTerm.values()]) for (const [id, r] of m) if (!found.has(id)) found.set(id, r);

  const seenWords = new Set<string>();
  const words: { pages: Map<string, number>; weight: number }[] = [];
  const marks: string[] = [];
  input.words.forEach((word, i) => {
    if (seenWords.has(word.text)) return;
    seenWords.add(word.text);
    let { used, pages } = holding(word.tokens, byToken);
    let mark = used.length === word.tokens.length ? [word.text] : used;
    if (!pages.size && word.core) {
      ({ used, pages } = holding(word.core, byToken));
      mark = used;
    }
    for (const term of input.wordTerms[i] ?? []) {
      for (const [id, r] of byTerm.get(term) ?? []) pages.set(id, Math.max(pages.get(id) ?? 0, r.score));
    }
    if (!pages.size) return; // a word found nowhere asks nothing of the pages
    marks.push(...(word.kind === 'cjk' ? mark : [word.text]));
    words.push({ pages, weight: idf(pages.size, input.records) });
  });
  const total = words.reduce((n, w) => n + w.weight, 0);
  if (!total) return { ranked: [], found, marks };

  const scored: { r: R; exact: boolean; coverage: number; score: number }[] = [];
  const candidates = new Set<string>();
  for (const w of words) for (const id of w.pages.keys()) candidates.add(id);
  for (const id of candidates) {
    let weight = 0;
    let score = 0;
    let all = true;
    for (const w of words) {
      const s = w.pages.get(id);
      if (s === undefined) all = false;
      else {
        weight += w.weight;
        score += s;
      }
    }
    const coverage = all ? 1 : weight / total;
    if (coverage < MIN_COVERAGE) continue;
    const exact = all && input.phrases.length > 0 && input.phrases.every((p) => p.has(id));
    scored.push({ r: found.get(id)!, exact, coverage, score });
  }
  // Coverage compared to a few places: equal weights summed in another order must tie.
  const level = (x: number) => Math.round(x * 1000);
  scored.sort((a, b) => Number(b.exact) - Number(a.exact) || level(b.coverage) - level(a.coverage) || b.score - a.score);
  return { ranked: scored.map((s) => s.r), found, marks };
}

/** A mark as highlight.ts takes it. */
export function markPart(text: string): Part {
  return /^[\p{L}\p{N}\p{M}]+$/u.test(text) && !/\p{Script=Han}/u.test(text) ? { kind: 'word', text } : { kind: 'cjk', text };
}
